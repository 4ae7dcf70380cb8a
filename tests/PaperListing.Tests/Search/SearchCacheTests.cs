using System.Net;
using AngleSharp.Html.Parser;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Search;

/// <summary>Search pages go through the page cache keyed by their whole address: one view is never served for another.</summary>
public sealed class SearchCacheTests(SearchSite site) : IClassFixture<SearchSite>
{
    private async Task<(HttpResponseMessage Response, string[] Abstracts)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return (response, SearchSite.Abstracts(page));
    }

    [Fact]
    public async Task EveryParameter_IsPartOfTheCacheKey()
    {
        using var client = site.CreateClient();
        string[] urls =
        [
            "/search?q=tensor", "/search?q=graph", "/search?q=graph&page=2", "/search?q=graph&sort=oldest",
            "/search?q=graph&subject=mathematics", "/search?q=graph&author=other-person", "/search?q=graph&from=2016&to=2016",
            $"/related/{SearchSite.TensorSlug}?q=tensor", $"/related/{SearchSite.OtherSlug}?q=tensor",
        ];
        var first = new List<string[]>();
        foreach (var url in urls)
        {
            first.Add((await GetAsync(client, url)).Abstracts);
        }

        for (var i = 0; i < urls.Length; i++)
        {
            var (again, abstracts) = await GetAsync(client, urls[i]);
            Assert.NotNull(again.Headers.Age);
            Assert.Equal(first[i], abstracts);
        }
        Assert.Equal(urls.Length, first.Select(a => string.Join('\n', a)).Distinct().Count());
    }

    [Fact]
    public async Task ABadSearch_IsRefusedEveryTime_NotServedFromTheCache()
    {
        using var client = site.CreateClient();

        var first = await client.GetAsync("/search?q=tensor&from=20x");
        var second = await client.GetAsync("/search?q=tensor&from=20x");

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }
}
