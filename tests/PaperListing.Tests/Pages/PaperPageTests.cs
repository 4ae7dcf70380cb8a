using System.Net;
using AngleSharp.Dom;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Pages;

/// <summary>A paper's permanent page: what a visitor, a link preview and a reference manager read there.</summary>
public sealed class PaperPageTests(TwoListingSite site) : IClassFixture<TwoListingSite>
{
    private const string FirstAbstract =
        "We argue that the optimization plays a crucial role in generalization of deep learning models through implicit regularization. We do this by demonstrating that generalization ability is not controlled by network size but rather by some…";

    private static string[] Meta(IDocument page, string name) =>
        page.QuerySelectorAll($"meta[name='{name}'], meta[property='{name}']").Select(m => m.GetAttribute("content")!).ToArray();

    [Fact]
    public async Task Get_FirstPaper_HasHighwireCitationTags()
    {
        var page = await site.GetHtmlAsync(TwoListingSite.FirstPaperPath);

        Assert.Equal(["Neyshabur, Behnam", "Tomioka, Ryota", "Salakhutdinov, Ruslan", "Srebro, Nathan"], Meta(page, "citation_author"));
        Assert.Equal(["2017/05/10"], Meta(page, "citation_publication_date"));
        Assert.Equal([FirstAbstract], Meta(page, "citation_abstract"));
        Assert.Equal(["Machine Learning (Computer Science)"], Meta(page, "citation_keywords"));
        Assert.Equal(["[We argue that the optimization plays a crucial role in generalization of deep learning models through implicit regularization.]"],
            Meta(page, "citation_title"));
        Assert.Equal(["manuscript"], Meta(page, "DC.type"));
        Assert.Empty(page.QuerySelectorAll(".Z3988"));
    }

    [Fact]
    public async Task Get_FirstPaper_HasPreviewTagsAndCanonicalUrl()
    {
        var page = await site.GetHtmlAsync(TwoListingSite.FirstPaperPath);

        const string title = "Paper by Behnam Neyshabur et al., 2017: “We argue that the optimization plays a crucial role in generalization of deep learning…”";
        const string url = "http://localhost" + TwoListingSite.FirstPaperPath;
        Assert.Equal($"{title} · PaperListing", page.Title);
        Assert.Equal(url, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal([title], Meta(page, "og:title"));
        Assert.Equal([url], Meta(page, "og:url"));
        Assert.Equal(["article"], Meta(page, "og:type"));
        Assert.Equal(["PaperListing"], Meta(page, "og:site_name"));
        var description = Assert.Single(Meta(page, "description"));
        Assert.StartsWith("We argue that the optimization plays a crucial role", description, StringComparison.Ordinal);
        Assert.True(description.Length <= 201, description);
        Assert.Equal([description], Meta(page, "og:description"));
        Assert.Equal(["summary"], Meta(page, "twitter:card"));
        Assert.Equal([title], Meta(page, "twitter:title"));
        Assert.Equal([description], Meta(page, "twitter:description"));
    }

    [Fact]
    public async Task Get_UntitledPaper_IsLabelledByAQuotedExcerptNotATitle()
    {
        var page = await site.GetHtmlAsync(TwoListingSite.FirstPaperPath);

        var h1 = page.QuerySelector("h1")!;
        Assert.StartsWith("Paper", h1.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("We argue that the optimization plays a crucial role in generalization of deep learning…", h1.QuerySelector("q.abstract-excerpt")!.TextContent);
        var article = page.QuerySelector("article[itemtype='https://schema.org/ScholarlyArticle']")!;
        Assert.All(article.QuerySelectorAll("[itemprop=name]"), name => Assert.NotSame(article, name.Closest("[itemscope]")));
        Assert.Equal(FirstAbstract, article.QuerySelector("[itemprop=abstract]")!.TextContent);
    }

    [Fact]
    public async Task Get_FirstPaper_LinksAuthorsSubjectsAndDownloads()
    {
        var page = await site.GetHtmlAsync(TwoListingSite.FirstPaperPath);

        Assert.Equal(
            ["/authors/behnam-neyshabur", "/authors/ryota-tomioka", "/authors/ruslan-salakhutdinov", "/authors/nathan-srebro"],
            page.QuerySelectorAll("dd.authors a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/subjects/machine-learning-in-computer-science", "/subjects/computer-science"],
            page.QuerySelectorAll("dd.subjects a").Select(a => a.GetAttribute("href")));
        Assert.Equal("2017-05-10", page.QuerySelector("time[itemprop=datePublished]")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/papers/{TwoListingSite.FirstPaperId}.bib']"));
        Assert.NotNull(page.QuerySelector($"a[href='/papers/{TwoListingSite.FirstPaperId}.ris']"));
    }

    [Fact]
    public async Task Get_FirstPaper_ShowsItsPlaceInTheListingAndMoreByItsAuthors()
    {
        var page = await site.GetHtmlAsync(TwoListingSite.FirstPaperPath);

        var place = Assert.Single(page.QuerySelectorAll(".places li"));
        Assert.Equal($"/related/{TwoListingSite.RealSlug}#{TwoListingSite.FirstPaperId}", place.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("no. 1, page 1", place.TextContent, StringComparison.Ordinal);
        var more = Assert.Single(page.QuerySelectorAll(".more-by li"));
        Assert.StartsWith("With a goal of understanding what drives generalization", more.QuerySelector("q")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Behnam Neyshabur", more.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PaperOnPageTwo_LinksToThatPageAtItsEntry()
    {
        var listingPage = await site.GetHtmlAsync($"/related/{TwoListingSite.SecondSlug}?page=2");
        var fifth = listingPage.QuerySelectorAll("article.paper")[4];

        var page = await site.GetHtmlAsync(fifth.QuerySelector("a.permalink")!.GetAttribute("href")!);

        var place = Assert.Single(page.QuerySelectorAll(".places li"));
        Assert.Equal($"/related/{TwoListingSite.SecondSlug}?page=2#{fifth.Id}", place.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("no. 25, page 2", place.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/papers/qebznk55xr")]
    [InlineData("/papers/qebznk55xr/")]
    [InlineData("/papers/qebznk55xr/wrong-slug")]
    [InlineData("/papers/QEBZNK55XR/we-argue-that-the-optimization-plays-a-crucial-role-in")]
    public async Task Get_MissingOrWrongSlug_Answers301ToTheCanonicalAddress(string url)
    {
        using var client = site.CreateNoRedirectClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(TwoListingSite.FirstPaperPath, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(TwoListingSite.FirstPaperPath)).StatusCode);
    }

    [Theory]
    [InlineData("/papers/0000000000")]
    [InlineData("/papers/0000000000/some-slug")]
    [InlineData("/papers/%E2%80%A6")]
    public async Task Get_UnknownPaper_Answers404WithAFriendlyPage(string url)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
