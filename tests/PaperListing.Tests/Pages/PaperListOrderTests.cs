using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Importing;

namespace PaperListing.Tests.Pages;

/// <summary>
/// The order of an author's, a subject's and a field's pages, as the import numbers them: newest first, undated last,
/// papers of the same day by address; each paper once, on contiguous pages, renumbered when the seeds change.
/// </summary>
public sealed class PaperListOrderTests
{
    private const string Vision = "Computer Vision · Computer Science";

    // Same-day papers, papers without a date ("2019-02-30" is not one) and papers out of date order, all by one author.
    private static readonly string[] Dates =
    [
        "2021-03-05", "2019-02-30", "2023-07-01", "2021-03-05", "2018-11-20", "2023-07-01", "2019-02-30", "2022-01-15",
        "2021-03-05", "2017-06-09", "2024-02-29", "2020-10-10", "2019-02-30", "2023-07-01", "2016-01-01", "2022-01-15",
        "2021-03-05", "2020-10-10", "2025-05-05", "2018-11-20", "2017-06-09", "2021-03-05", "2024-02-29", "2016-01-01",
        "2020-10-10",
    ];

    private static string Paper(int n, string date, string subjects = Vision, string authors = "Order Author") =>
        $"Paper {n} looks at ordering from a fresh angle, with experiments and a proof sketch…\n\n{subjects} {date} {authors}\n\n";

    private static string Dump(IEnumerable<string> entries, int count) =>
        $"English\nRelated papers\n\nRelated papers: Ordering\n\n{count} papers\n\n{string.Concat(entries)}‹ Prev 1 2 Next ›";

    private static string OrderSeed(int skip = 0, params string[] extra)
    {
        var entries = Dates.Select((date, i) => (date, i)).Skip(skip).Select(p => Paper(p.i + 1, p.date)).Concat(extra).ToList();
        return Dump(entries, entries.Count);
    }

    private static async Task<(string Date, string Id)[]> ListAsync(SiteFactory site, string path)
    {
        var papers = new List<(string, string)>();
        for (var page = 1; ; page++)
        {
            var document = await site.GetHtmlAsync(page == 1 ? path : $"{path}?page={page}");
            var cards = document.QuerySelectorAll("article.paper");
            Assert.Equal((page - 1) * 20 + 1, int.Parse(document.QuerySelector("ol.papers")!.GetAttribute("start") ?? "1", System.Globalization.CultureInfo.InvariantCulture));
            papers.AddRange(cards.Select(c => (c.QuerySelector("data[itemprop=datePublished]")?.GetAttribute("value") ?? "", c.Id ?? "")));
            if (document.QuerySelector("a[rel=next]") is null)
            {
                return [.. papers];
            }
        }
    }

    private static (string Date, string Id)[] Expected(IEnumerable<(string Date, string Id)> papers) =>
        [.. papers.OrderBy(p => p.Date.Length == 0).ThenByDescending(p => p.Date, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)];

    private static string Count(IDocument page) => page.QuerySelector(".count")!.TextContent;

    [Fact]
    public async Task Get_AuthorPages_ListNewestFirst_UndatedLast_SameDayByAddress_EachPaperOnce()
    {
        using var site = new SiteFactory().WithSeed("000_order.txt", OrderSeed());
        await site.ImportedAsync();

        var papers = await ListAsync(site, "/authors/order-author");

        Assert.Equal(25, papers.Length);
        Assert.Equal(25, papers.Select(p => p.Id).Distinct().Count());
        Assert.Equal(3, papers.Count(p => p.Date.Length == 0));
        Assert.Equal(Expected(papers), papers);
        Assert.Equal("25 papers, newest first", Count(await site.GetHtmlAsync("/authors/order-author")));
    }

    [Fact]
    public async Task Get_SubjectAndFieldPages_ListARepeatedSubjectsPaperOnce_InTheSameOrder()
    {
        using var site = new SiteFactory().WithSeed("000_order.txt", OrderSeed(0,
            Paper(90, "2026-01-02", $"{Vision} · {Vision}"),
            Paper(91, "2019-02-30", $"{Vision} · Robotics · Computer Science"),
            Paper(92, "2015-04-04", "Robotics · Computer Science · Robotics · Computer Science")));
        await site.ImportedAsync();
        var author = await site.GetHtmlAsync("/authors/order-author");
        var subjectPath = author.QuerySelectorAll("[itemprop=about] a, a[itemprop=about]").Select(a => a.GetAttribute("href"))
            .FirstOrDefault(h => h?.Contains("vision", StringComparison.Ordinal) == true);
        Assert.NotNull(subjectPath);
        var vision = await site.GetHtmlAsync(subjectPath);

        var subject = await ListAsync(site, subjectPath);
        var field = await ListAsync(site, "/subjects/computer-science");

        Assert.Equal(27, subject.Length);
        Assert.Equal(27, subject.Select(p => p.Id).Distinct().Count());
        Assert.Equal(Expected(subject), subject);
        Assert.Equal("2026-01-02", subject[0].Date);
        Assert.Equal("27 papers, newest first", Count(vision));
        Assert.Equal(28, field.Length);
        Assert.Equal(28, field.Select(p => p.Id).Distinct().Count());
        Assert.Equal(Expected(field), field);
        Assert.Equal("2015-04-04", field.Last(p => p.Date.Length > 0).Date);
    }

    [Fact]
    public async Task Get_AuthorPage_AfterTheSeedChanges_IsRenumbered()
    {
        using var site = new SiteFactory().WithSeed("000_order.txt", OrderSeed());
        await site.ImportedAsync();
        var before = await ListAsync(site, "/authors/order-author");

        // The first five papers go (one of them undated); a newer one and another undated one come.
        File.WriteAllText(Path.Combine(site.SeedsPath, "000_order.txt"),
            OrderSeed(5, Paper(100, "2026-06-01"), Paper(101, "2019-02-30")));
        site.Services.GetRequiredService<SeedImporter>().Import(CancellationToken.None);
        var after = await ListAsync(site, "/authors/order-author");

        Assert.Equal(25, before.Length);
        Assert.Equal(22, after.Length);
        Assert.Equal(22, after.Select(p => p.Id).Distinct().Count());
        Assert.Equal(Expected(after), after);
        Assert.Equal("2026-06-01", after[0].Date);
        Assert.Equal(3, after.Count(p => p.Date.Length == 0));
        Assert.Equal("22 papers, newest first", Count(await site.GetHtmlAsync("/authors/order-author")));
    }
}
