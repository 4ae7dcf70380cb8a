using System.Net;
using System.Text.Json;
using PaperListing.Tests.Infrastructure;
using PaperListing.Tests.Pages;

namespace PaperListing.Tests.Search;

/// <summary>Similar papers on the seed, on a paper's page and in the API: which papers must and must not be there, and why.</summary>
public sealed class SimilarPapersTests(ListingPageTests.RealSeedSite site) : IClassFixture<ListingPageTests.RealSeedSite>
{
    // The seed's three papers on implicit regularization in tensor factorization (two by Razin and Maman, one by Hariz et al.).
    private const string TensorHariz = "yx6m95wbke";
    private const string TensorRazinMystery = "kp3qe3wsxq";
    private const string TensorRazinPursuit = "xtb8prdrq6";
    // The seed's paper on data augmentation and label noise: no tensor, no factorization, no implicit regularization.
    private const string DataAugmentation = "d6sjnvz3ay";

    private static async Task<string[]> SimilarIdsAsync(SiteFactory factory, string id)
    {
        using var client = factory.CreateClient();
        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/papers/{id}/similar")).RootElement;
        Assert.Equal(id, json.GetProperty("id").GetString());
        return json.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToArray();
    }

    [Theory]
    [InlineData(TensorHariz, TensorRazinMystery, TensorRazinPursuit)]
    [InlineData(TensorRazinMystery, TensorHariz, TensorRazinPursuit)]
    [InlineData(TensorRazinPursuit, TensorHariz, TensorRazinMystery)]
    public async Task TensorFactorizationPapers_FindEachOther_NearTheTop(string id, string other, string third)
    {
        var similar = await SimilarIdsAsync(site, id);

        Assert.InRange(similar.Length, 3, 10);
        Assert.Contains(other, similar[..3]);
        Assert.Contains(third, similar[..3]);
        Assert.DoesNotContain(id, similar);
        Assert.DoesNotContain(DataAugmentation, similar);
        Assert.Equal(similar.Length, similar.Distinct().Count());
    }

    [Fact]
    public async Task ThePaperPage_ShowsTheSameList_AsCards_UnderItsOwnHeading()
    {
        var api = await SimilarIdsAsync(site, TensorHariz);
        using var client = site.CreateClient();
        var paper = JsonDocument.Parse(await client.GetStringAsync($"/api/papers/{TensorHariz}")).RootElement;
        var path = new Uri(paper.GetProperty("links").GetProperty("html").GetString()!).AbsolutePath;
        var page = await site.GetHtmlAsync(path);

        var section = page.QuerySelector("section#similar")!;
        Assert.Equal("Similar papers", section.QuerySelector("h2")!.TextContent);
        Assert.Equal(api, section.QuerySelectorAll("ol.papers > li > article.paper").Select(a => a.Id!).ToArray());
        Assert.All(section.QuerySelectorAll("article.paper"), card => Assert.NotNull(card.QuerySelector("[itemprop=abstract]")));
        var japanese = await site.GetHtmlAsync($"{path}?culture=ja");
        Assert.Equal("類似の論文", japanese.QuerySelector("section#similar h2")!.TextContent);
    }

    [Fact]
    public async Task EveryListingCard_LinksToItsPapersSimilarSection()
    {
        var listing = await site.GetHtmlAsync("/");

        var cards = listing.QuerySelectorAll("article.paper");
        Assert.Equal(20, cards.Length);
        foreach (var card in cards)
        {
            var link = card.QuerySelector("a.similar-link")!;
            var paperHref = card.QuerySelector("a.permalink")!.GetAttribute("href");
            Assert.Equal($"{paperHref}#similar", link.GetAttribute("href"));
            Assert.Equal("Similar", link.TextContent);
            Assert.StartsWith("Papers similar to: ", link.GetAttribute("aria-label"), StringComparison.Ordinal);
        }
        var target = await site.GetHtmlAsync(cards[0].QuerySelector("a.similar-link")!.GetAttribute("href")!.Split('#')[0]);
        Assert.NotNull(target.GetElementById("similar"));
    }

    [Fact]
    public async Task TheList_IsTheSameAfterARebuildFromTheSameSeeds()
    {
        using var rebuilt = new SiteFactory().WithRealSeed();

        foreach (var id in new[] { TensorHariz, DataAugmentation, "qebznk55xr" })
        {
            Assert.Equal(await SimilarIdsAsync(site, id), await SimilarIdsAsync(rebuilt, id));
        }
    }

    [Theory]
    [InlineData("/api/papers/0000000000/similar")]
    [InlineData("/api/papers/%27%20OR%201=1/similar")]
    [InlineData("/api/papers/tensor%22*/similar")]
    public async Task AnUnknownPaper_Answers404ProblemDetails(string url)
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
