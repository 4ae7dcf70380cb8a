using System.Net;
using AngleSharp.Dom;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Pages;

/// <summary>Author, category and field pages: their papers, newest first, 20 a page, with the listing's refusals.</summary>
public sealed class AuthorAndSubjectPageTests(TwoListingSite site) : IClassFixture<TwoListingSite>
{
    private static string[] Dates(IDocument page) =>
        page.QuerySelectorAll("article.paper").Select(a => a.QuerySelector("data[itemprop=datePublished]")?.GetAttribute("value") ?? "").ToArray();

    [Fact]
    public async Task Get_AuthorOf45Papers_Pages20_20And5NewestFirst()
    {
        var pages = new[]
        {
            await site.GetHtmlAsync("/authors/shared-author"),
            await site.GetHtmlAsync("/authors/shared-author?page=2"),
            await site.GetHtmlAsync("/authors/shared-author?page=3"),
        };

        Assert.Equal("Shared Author", pages[0].QuerySelector("h1")!.TextContent);
        Assert.Equal("45 papers, newest first", pages[0].QuerySelector(".count")!.TextContent);
        Assert.Equal([20, 20, 5], pages.Select(p => p.QuerySelectorAll("article.paper").Length));
        var dates = pages.SelectMany(Dates).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Equal(45, pages.SelectMany(p => p.QuerySelectorAll("article.paper").Select(a => a.Id)).Distinct().Count());
        Assert.Equal(["1", "2", "3"], pages[1].QuerySelectorAll("nav.pager li").Select(li => li.TextContent.Trim()));
        Assert.Equal("/authors/shared-author?page=3", pages[1].QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("21", pages[1].QuerySelector("ol.papers")!.GetAttribute("start"));
    }

    [Fact]
    public async Task Get_RealAuthor_ListsTheirPapersWithCoAuthorsLinked()
    {
        var page = await site.GetHtmlAsync("/authors/nadav-cohen");

        Assert.Equal("Nadav Cohen", page.QuerySelector("h1")!.TextContent);
        var papers = page.QuerySelectorAll("article.paper");
        Assert.True(papers.Length >= 2);
        Assert.All(papers, p => Assert.Contains(p.QuerySelectorAll(".authors a"), a => a.GetAttribute("href") == "/authors/nadav-cohen"));
        Assert.Equal(Dates(page).OrderDescending(StringComparer.Ordinal), Dates(page));
    }

    [Fact]
    public async Task Get_TheTwoMachineLearningCategories_StayApart()
    {
        var computing = await site.GetHtmlAsync("/subjects/machine-learning-in-computer-science");
        var statistics = await site.GetHtmlAsync("/subjects/machine-learning-in-statistics");

        Assert.Equal("Machine Learning · Computer Science", computing.QuerySelector("h1")!.TextContent);
        Assert.Equal("Machine Learning · Statistics", statistics.QuerySelector("h1")!.TextContent);
        Assert.Equal("2 papers, newest first", statistics.QuerySelector(".count")!.TextContent);
        Assert.All(statistics.QuerySelectorAll("article.paper"),
            p => Assert.Equal("Machine Learning · Statistics", p.QuerySelector("[itemprop=about]")!.TextContent));
        Assert.Equal("/subjects/statistics", statistics.QuerySelector(".subject-kind a")!.GetAttribute("href"));
        Assert.Equal("/subjects/machine-learning-in-computer-science", statistics.QuerySelector(".namesakes a")!.GetAttribute("href"));
        // 17 real papers and the second listing's 45 are in Machine Learning · Computer Science.
        Assert.Equal("62 papers, newest first", computing.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public async Task Get_Field_ListsAllItsCategoriesPapers()
    {
        var field = await site.GetHtmlAsync("/subjects/statistics");

        Assert.Equal("Statistics", field.QuerySelector("h1")!.TextContent);
        Assert.Equal("2 papers, newest first", field.QuerySelector(".count")!.TextContent);
        Assert.Equal(["/subjects/machine-learning-in-statistics"], field.QuerySelectorAll(".subject-kind a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/authors/shared-author?page=abc")]
    [InlineData("/authors/shared-author?page=0")]
    [InlineData("/authors/shared-author?page=1&page=2")]
    [InlineData("/subjects/computer-science?page=-1")]
    [InlineData("/subjects/machine-learning-in-statistics?page=1.5")]
    public async Task Get_BadPage_Answers400WithAFriendlyPage(string url)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>Bad request</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/authors/shared-author?page=4", "/authors/shared-author?page=3")]
    [InlineData("/subjects/statistics?page=2", "/subjects/statistics")]
    public async Task Get_PagePastTheLast_Answers404LinkingTheLastPage(string url, string last)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == last && a.TextContent.Contains("last page", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/authors/nobody-at-all")]
    [InlineData("/subjects/alchemy")]
    [InlineData("/authors/%E2%80%A6")]
    public async Task Get_UnknownSlug_Answers404WithAFriendlyPage(string url)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/subjects/%20")]
    [InlineData("/authors/%20")]
    [InlineData("/papers/%20")]
    [InlineData("/papers/%20/%252f")]
    public async Task Get_AnAddressOfOnlySpaces_Answers404(string url)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
