using System.Net;
using AngleSharp.Dom;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Pages;

/// <summary>The listing page as a visitor sees it: the seed's papers, 20 a page, with a pager.</summary>
public sealed class ListingPageTests : IClassFixture<ListingPageTests.RealSeedSite>
{
    public sealed class RealSeedSite : SiteFactory
    {
        public RealSeedSite() => WithRealSeed();
    }

    private readonly RealSeedSite _site;

    public ListingPageTests(RealSeedSite site) => _site = site;

    private static IElement[] Papers(IDocument page) =>
        page.QuerySelectorAll("[itemtype='https://schema.org/ScholarlyArticle']").ToArray();

    [Fact]
    public async Task Get_Home_ShowsTheSeedsListingExactly()
    {
        var page = await _site.GetHtmlAsync("/");

        Assert.Equal("Related papers: Implicit Regularization in Deep Learning", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("This copy holds 20 of the 200 papers the source lists.", page.QuerySelector(".source-note")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("nav.pager")); // one page: nothing to page through
        var papers = Papers(page);
        Assert.Equal(20, papers.Length);
        var first = papers[0];
        Assert.Equal(
            "We argue that the optimization plays a crucial role in generalization of deep learning models through implicit regularization. We do this by demonstrating that generalization ability is not controlled by network size but rather by some…",
            first.QuerySelector("[itemprop=abstract]")!.TextContent);
        Assert.Equal(["Machine Learning · Computer Science"], first.QuerySelectorAll("[itemprop=about]").Select(e => e.TextContent));
        var date = first.QuerySelector("data[itemprop=datePublished]")!;
        Assert.Equal("2017-05-10", date.GetAttribute("value"));
        Assert.Equal("2017-05-10", date.TextContent);
        Assert.Equal(["Behnam Neyshabur", "Ryota Tomioka", "Ruslan Salakhutdinov", "Nathan Srebro"],
            first.QuerySelectorAll("[itemprop=author][itemtype='https://schema.org/Person'] [itemprop=name]").Select(e => e.TextContent));
        Assert.Equal("Behnam Neyshabur, Ryota Tomioka, Ruslan Salakhutdinov, Nathan Srebro", first.QuerySelector(".authors")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_Home_ShowsTheEntryWithoutMetadataAsAbstractOnly()
    {
        var page = await _site.GetHtmlAsync("/");

        var tenth = Papers(page)[9];
        Assert.StartsWith("We approach the problem of implicit regularization", tenth.QuerySelector("[itemprop=abstract]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(tenth.QuerySelector("[itemprop=author]"));
        Assert.Null(tenth.QuerySelector("[itemprop=datePublished]"));
    }

    [Fact]
    public async Task Get_Home_ShowsStatisticsCategoryApartFromComputerScience()
    {
        var page = await _site.GetHtmlAsync("/");

        var subjects = Papers(page).Select(p => p.QuerySelector("[itemprop=about]")?.TextContent).ToList();
        Assert.Equal(2, subjects.Count(s => s == "Machine Learning · Statistics"));
        Assert.Equal(17, subjects.Count(s => s == "Machine Learning · Computer Science"));
    }

    [Fact]
    public async Task Get_ListingBySlug_ShowsTheSameListing()
    {
        var page = await _site.GetHtmlAsync("/related/implicit-regularization-in-deep-learning");

        Assert.Equal("Related papers: Implicit Regularization in Deep Learning", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(20, Papers(page).Length);
    }

    [Fact]
    public async Task Get_SinglePage_HasNoPagerNorJumpForm()
    {
        var page = await _site.GetHtmlAsync("/");

        Assert.Null(page.QuerySelector("nav.pager"));
        Assert.Null(page.QuerySelector("form.jump"));
        Assert.Null(page.QuerySelector(".place"));
        Assert.Null(page.QuerySelector("link[rel=next]"));
    }

    [Theory]
    [InlineData("/?page=abc")]
    [InlineData("/?page=0")]
    [InlineData("/?page=-1")]
    [InlineData("/?page=99999999999999")]
    [InlineData("/?page=1.5")]
    [InlineData("/?page=")]
    [InlineData("/?page=1&page=2")]
    [InlineData("/related/implicit-regularization-in-deep-learning?page=abc")]
    public async Task Get_BadPage_Answers400WithAFriendlyPage(string url)
    {
        using var client = _site.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Bad request", html, StringComparison.Ordinal);
        Assert.Contains("page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PagePastTheLast_Answers404LinkingTheLastPage()
    {
        using var client = _site.CreateClient();

        var response = await client.GetAsync("/?page=2");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("no page 2", page.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/" && a.TextContent.Contains("last page", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/related/no-such-listing")]
    [InlineData("/no/such/page")]
    public async Task Get_Unknown_Answers404WithAFriendlyPage(string url)
    {
        using var client = _site.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Healthz_Answers200AfterImport()
    {
        await _site.ImportedAsync();
        using var client = _site.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_Page_LogsOneLineWithMethodPathStatusAndTime()
    {
        using var client = _site.CreateClient();

        await client.GetAsync("/?page=1");

        Assert.Contains(_site.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Information),
            m => m.Contains("GET", StringComparison.Ordinal) && m.Contains("HTTP", StringComparison.Ordinal) && m.Contains("responded 200 in", StringComparison.Ordinal));
    }
}
