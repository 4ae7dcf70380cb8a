using AngleSharp.Dom;
using Microsoft.AspNetCore.WebUtilities;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Pages;

/// <summary>
/// What a reference manager's browser button reads on the pages: on a page of many papers, one COinS item per paper
/// (Zotero then offers each paper) and no &lt;time datetime&gt; (Zotero would date the page with the first one); on a
/// paper's own page, the Highwire tags alone, names inverted; subjects as named things in the microdata.
/// </summary>
public sealed class ReferenceManagerPageTests(CitationSite site) : IClassFixture<CitationSite>
{
    public static TheoryData<string> ListPages => new()
    {
        "/", $"/related/{CitationSeeds.Slug}", "/authors/nadav-cohen", "/subjects/machine-learning-in-statistics",
        "/subjects/computer-science", "/search?q=regularization", "/search?q=abstract&culture=ja",
    };

    [Theory]
    [MemberData(nameof(ListPages))]
    public async Task Get_PageOfManyPapers_OffersEachPaperAndNoPageDate(string url)
    {
        var page = await site.GetHtmlAsync(url);

        var cards = page.QuerySelectorAll("article.paper").ToList();
        Assert.NotEmpty(cards);
        Assert.All(cards, card => Assert.Single(card.QuerySelectorAll("span.Z3988[title]")));
        Assert.Empty(page.QuerySelectorAll("time[datetime]"));
        Assert.Empty(page.QuerySelectorAll("meta[name^='citation_']"));
    }

    [Fact]
    public async Task Get_ListingPage_CoinsCarryEachPapersOwnData()
    {
        var papers = (await site.PapersAsync()).Where(p => p.Listing == CitationSeeds.Slug).ToList();
        var page = await site.GetHtmlAsync($"/related/{CitationSeeds.Slug}");

        foreach (var paper in papers)
        {
            var coins = QueryHelpers.ParseQuery(page.GetElementById(paper.Id)!.QuerySelector("span.Z3988")!.GetAttribute("title")!);
            Assert.Equal("Z39.88-2004", coins["ctx_ver"]);
            Assert.Equal("info:ofi/fmt:kev:mtx:dc", coins["rft_val_fmt"]);
            Assert.Equal("manuscript", coins["rft.type"]);
            Assert.Equal(paper.Title, coins["rft.title"]);
            Assert.Equal(paper.Seed.Abstract, coins["rft.description"]);
            Assert.Equal(paper.Seed.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "", coins.TryGetValue("rft.date", out var date) ? date.ToString() : "");
            Assert.StartsWith($"http://localhost/papers/{paper.Id}/", coins["rft.identifier"].ToString(), StringComparison.Ordinal);
            Assert.Equal(paper.Seed.Authors.Count, coins.TryGetValue("rft.au", out var authors) ? authors.Count : 0);
        }
        var named = QueryHelpers.ParseQuery(page.GetElementById(papers.Single(p => p.Seed.Authors.Contains("Aristotle")).Id)!.QuerySelector("span.Z3988")!.GetAttribute("title")!);
        Assert.Equal(["Aristotle", "山田, 太郎", "王小明", "King, Martin Luther Jr.", "Chou, Hung-Hsu"], named["rft.au"].Select(v => v ?? ""));
    }

    [Fact]
    public async Task Get_PaperPage_NamesAuthorsFamilyFirstAndKeepsALoneAuthorWhole()
    {
        var papers = await site.PapersAsync();
        var particles = papers.Single(p => p.Seed.Authors.Contains("Guido Van Rossum"));
        var lone = papers.Single(p => p.Seed.Authors is ["José María de la Cruz"]);

        var page = await PaperPageAsync(particles.Id);
        var lonePage = await PaperPageAsync(lone.Id);

        Assert.Equal(["van der Waals, Ludwig", "de la Cruz, José María", "Van Rossum, Guido", "Le Guin, Ursula K.", "De Vleeschouwer, Christophe"], Meta(page, "citation_author"));
        Assert.Equal([particles.Title], Meta(page, "citation_title"));
        // Zotero splits a lone author's "Family Words, Given Words" at the comma into two authors unless a ';' ends it.
        Assert.Equal(["de la Cruz, José María;"], Meta(lonePage, "citation_author"));
    }

    [Fact]
    public async Task Get_Cards_NameCategoryAndFieldAsDefinedTerms()
    {
        var page = await site.GetHtmlAsync("/");

        var about = page.QuerySelector("article.paper [itemprop=about]")!;
        Assert.Equal("https://schema.org/DefinedTerm", about.GetAttribute("itemtype"));
        Assert.Equal("Machine Learning", about.QuerySelector(":scope > a [itemprop=name]")!.TextContent);
        var field = about.QuerySelector("[itemprop=inDefinedTermSet]")!;
        Assert.Equal("https://schema.org/DefinedTermSet", field.GetAttribute("itemtype"));
        Assert.Equal("Computer Science", field.QuerySelector("[itemprop=name]")!.TextContent);
        Assert.Equal("/subjects/computer-science", field.QuerySelector("a[itemprop=url]")!.GetAttribute("href"));
    }

    private async Task<IDocument> PaperPageAsync(string id)
    {
        using var client = site.CreateClient();
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync($"/papers/{id}"));
    }

    private static string[] Meta(IDocument page, string name) =>
        page.QuerySelectorAll($"meta[name='{name}']").Select(m => m.GetAttribute("content")!).ToArray();
}
