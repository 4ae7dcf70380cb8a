using System.Net;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Exports;

/// <summary>Citation downloads as a browser or reference manager fetches them: types, file names, exact text.</summary>
public sealed class ExportEndpointTests(TwoListingSite site) : IClassFixture<TwoListingSite>
{
    private const string SpecialSeed = """
        English
        Related papers

        Related papers: Special Characters

        1 papers

        50% of $x_1$ & {braces} ~ ^ \ #1

        Machine Learning · Computer Science 2019-03-07 Stéphane Ayache , Thierry Artières

        ‹ Prev 1 Next ›
        """;

    [Fact]
    public async Task Get_BibTexOfAPaperWithSpecialCharacters_IsExact()
    {
        using var special = new SiteFactory().WithSeed("001.txt", SpecialSeed);
        using var client = special.CreateClient();
        var id = (await special.GetHtmlAsync("/")).QuerySelector("article.paper")!.Id;

        var response = await client.GetAsync($"/papers/{id}.bib");

        Assert.Equal("59128nk77v", id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-bibtex; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("ayache2019-59128nk77v.bib", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("""
            @unpublished{ayache2019-59128nk77v,
              author = {Ayache, Stéphane and Artières, Thierry},
              title = {{[50\% of \textdollar{}x\_1\textdollar{} \& \{braces\} \textasciitilde{} ^ \textbackslash{} \#1]}},
              year = {2019},
              date = {2019-03-07},
              abstract = {50\% of \textdollar{}x\_1\textdollar{} \& \{braces\} \textasciitilde{} ^ \textbackslash{} \#1},
              keywords = {Machine Learning (Computer Science)},
              note = {Title supplied from the first sentence of the abstract; the source gives none},
              url = {http://localhost/papers/59128nk77v/50-of-x-1-braces-1}
            }

            """.ReplaceLineEndings("\n"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_RisOfAPaper_IsAnAttachmentOfTheRisType()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/papers/{TwoListingSite.FirstPaperId}.ris");

        Assert.Equal("application/x-research-info-systems; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"neyshabur2017-{TwoListingSite.FirstPaperId}.ris", response.Content.Headers.ContentDisposition!.FileNameStar);
        var ris = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("TY  - MANSCPT\r\n", ris, StringComparison.Ordinal);
        Assert.Contains($"UR  - http://localhost{TwoListingSite.FirstPaperPath}\r\n", ris, StringComparison.Ordinal);
        Assert.EndsWith("ER  - \r\n", ris, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_BibTexOfAListingPage_HoldsThatPagesPapersInOrder()
    {
        using var client = site.CreateClient();
        var page = await site.GetHtmlAsync($"/related/{TwoListingSite.SecondSlug}?page=3");

        var response = await client.GetAsync(page.QuerySelector("a[type='application/x-bibtex']")!.GetAttribute("href"));

        Assert.Equal("application/x-bibtex; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"{TwoListingSite.SecondSlug}-page-3.bib", response.Content.Headers.ContentDisposition!.FileNameStar);
        var keys = (await response.Content.ReadAsStringAsync()).Split('\n').Where(l => l.StartsWith("@unpublished{", StringComparison.Ordinal))
            .Select(l => l.Split('-')[^1].TrimEnd(','));
        Assert.Equal(page.QuerySelectorAll("article.paper").Select(a => a.Id), keys);
    }

    [Theory]
    [InlineData("/papers/0000000000.bib", HttpStatusCode.NotFound)]
    [InlineData("/papers/0000000000.ris", HttpStatusCode.NotFound)]
    [InlineData("/related/no-such-listing.bib", HttpStatusCode.NotFound)]
    [InlineData("/related/second-listing.bib?page=4", HttpStatusCode.NotFound)]
    [InlineData("/related/second-listing.bib?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/related/second-listing.bib?page=0", HttpStatusCode.BadRequest)]
    public async Task Get_BadDownload_AnswersWithAFriendlyPage(string url, HttpStatusCode expected)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/papers/qebznk55xr.bib", "application/x-bibtex")]
    [InlineData("/papers/qebznk55xr.ris", "application/x-research-info-systems")]
    [InlineData("/related/second-listing.bib?page=2", "application/x-bibtex")]
    [InlineData("/related/second-listing/feed.atom", "application/atom+xml")]
    [InlineData("/sitemap.xml", "application/xml")]
    [InlineData("/robots.txt", "text/plain")]
    [InlineData("/api/papers/qebznk55xr", "application/json")]
    [InlineData(TwoListingSite.FirstPaperPath, "text/html")]
    public async Task Head_AsLinkCheckersAsk_AnswersLikeGet(string url, string mediaType)
    {
        using var client = site.CreateNoRedirectClient();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
    }
}
