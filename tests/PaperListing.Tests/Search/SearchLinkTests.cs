using AngleSharp.Dom;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Search;

/// <summary>Every link the site makes to a view of the papers writes its parameters in one order (the language selector adds culture last), defaults left out.</summary>
public sealed class SearchLinkTests(SearchSite site) : IClassFixture<SearchSite>
{
    private static readonly string[] CanonicalOrder = ["q", "subject", "author", "from", "to", "sort", "page", "culture"];

    private static IEnumerable<string> SearchLinks(IDocument page) =>
        page.QuerySelectorAll("a[href], link[href]").Select(a => a.GetAttribute("href")!)
            .Where(href => href.StartsWith("/search?", StringComparison.Ordinal) || href.StartsWith("/related/", StringComparison.Ordinal) && href.Contains('?', StringComparison.Ordinal));

    [Theory]
    [InlineData("/search?q=graph&subject=machine-learning-in-computer-science&from=2015&to=2020&sort=oldest")]
    [InlineData("/search?sort=oldest&to=2020&from=2015&subject=machine-learning-in-computer-science&q=graph&page=1")]
    [InlineData("/related/tensor-studies?page=2&author=shared-author&sort=newest&q=graph")]
    [InlineData("/related/tensor-studies?sort=listing&subject=mathematics")]
    public async Task EveryGeneratedLink_HasItsParametersInCanonicalOrder_WithoutDefaults(string url)
    {
        var page = await site.GetHtmlAsync(url);
        var links = SearchLinks(page).ToList();

        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var names = link[(link.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(p => p.Split('=')[0]).ToList();
            var positions = names.Select(n => Array.IndexOf(CanonicalOrder, n)).ToList();
            Assert.True(positions.All(p => p >= 0) && positions.SequenceEqual(positions.Order()) && positions.Distinct().Count() == positions.Count, link);
            Assert.DoesNotContain("page=1&", link + "&", StringComparison.Ordinal);
            // The default orders: relevance with words; else a listing's own order, or newest first on /search.
            var hasWords = names.Contains("q");
            Assert.False(hasWords && link.Contains("sort=relevance", StringComparison.Ordinal), link);
            Assert.False(!hasWords && link.StartsWith("/related/", StringComparison.Ordinal) && link.Contains("sort=listing", StringComparison.Ordinal), link);
            Assert.False(!hasWords && link.StartsWith("/search", StringComparison.Ordinal) && link.Contains("sort=newest", StringComparison.Ordinal), link);
        }
    }

    [Fact]
    public async Task AShuffledAddress_IsGivenItsCanonicalForm()
    {
        var page = await site.GetHtmlAsync("/search?sort=oldest&to=2020&from=2015&subject=machine-learning-in-computer-science&q=graph&page=1");

        Assert.Equal("http://localhost/search?q=graph&subject=machine-learning-in-computer-science&from=2015&to=2020&sort=oldest",
            page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("/search?q=graph&subject=machine-learning-in-computer-science&from=2015&to=2020&sort=oldest&page=2",
            page.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task SortLinks_OfferOnlyTheOrdersThatMeanSomething()
    {
        var search = await site.GetHtmlAsync("/search?q=graph");
        var listing = await site.GetHtmlAsync($"/related/{SearchSite.TensorSlug}?q=graph");
        var filtered = await site.GetHtmlAsync("/search?subject=mathematics");

        Assert.Equal(["/search?q=graph", "/search?q=graph&sort=newest", "/search?q=graph&sort=oldest"],
            search.QuerySelectorAll(".sorts a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Best match", "Listing order", "Newest first", "Oldest first"], listing.QuerySelectorAll(".sorts a").Select(a => a.TextContent));
        Assert.Equal(["/search?subject=mathematics", "/search?subject=mathematics&sort=oldest"],
            filtered.QuerySelectorAll(".sorts a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task TheSearchBox_KeepsTheFiltersInForce_InCanonicalOrder()
    {
        var page = await site.GetHtmlAsync("/search?q=graph&subject=mathematics&from=2016&sort=oldest");

        var form = page.QuerySelector("form[role=search]")!;
        Assert.Equal(["q", "subject", "from"], form.QuerySelectorAll("input[name]").Select(i => i.GetAttribute("name")));
        Assert.Equal("graph", form.QuerySelector("input[name=q]")!.GetAttribute("value"));
    }
}
