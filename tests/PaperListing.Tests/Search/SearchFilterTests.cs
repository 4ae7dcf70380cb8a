using AngleSharp.Dom;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Search;

/// <summary>Filters and orders, alone and together, with paging, on /search and on a listing's page.</summary>
public sealed class SearchFilterTests(SearchSite site) : IClassFixture<SearchSite>
{
    private static string[] Dates(IDocument page) =>
        page.QuerySelectorAll("article.paper").Select(a => a.QuerySelector("data[itemprop=datePublished]")?.GetAttribute("value") ?? "").ToArray();

    private async Task<IDocument[]> PagesAsync(string url, int count) =>
        await Task.WhenAll(Enumerable.Range(1, count).Select(n => site.GetHtmlAsync(n == 1 ? url : $"{url}&page={n}")));

    [Fact]
    public async Task SubjectFilter_OnAListing_KeepsTheListingsOrder()
    {
        var page = await site.GetHtmlAsync($"/related/{SearchSite.TensorSlug}?subject=combinatorics-in-mathematics");

        Assert.Equal(10, SearchSite.ResultCount(page));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"Graph paper number {i * 3} colours a graph with few colours."), SearchSite.Abstracts(page));
    }

    [Fact]
    public async Task FieldFilter_HoldsEveryCategoryOfTheField()
    {
        var page = await site.GetHtmlAsync($"/related/{SearchSite.TensorSlug}?subject=mathematics");

        Assert.Equal(12, SearchSite.ResultCount(page));
        Assert.Equal("Subject: Mathematics", page.QuerySelector(".active-filters li")!.FirstChild!.TextContent.Trim());
    }

    [Fact]
    public async Task AuthorFilter_PagesTwentyThenTheRest()
    {
        var pages = await PagesAsync("/search?author=shared-author", 2);

        Assert.All(pages, p => Assert.Equal(30, SearchSite.ResultCount(p)));
        Assert.Equal([20, 10], pages.Select(p => p.QuerySelectorAll("article.paper").Length));
        var dates = pages.SelectMany(Dates).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Equal("/search?author=shared-author&page=2", pages[0].QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task YearRange_KeepsOnlyThoseYears()
    {
        var page = await site.GetHtmlAsync("/search?q=graph&from=2016&to=2017");

        Assert.Equal(10, SearchSite.ResultCount(page));
        Assert.All(Dates(page), d => Assert.True(string.CompareOrdinal(d, "2016-01-01") >= 0 && string.CompareOrdinal(d, "2017-12-31") <= 0, d));
    }

    [Fact]
    public async Task OnlyFrom_OrOnlyTo_IsAnOpenRange()
    {
        var from = await site.GetHtmlAsync("/search?q=graph&from=2020");
        var to = await site.GetHtmlAsync("/search?q=graph&to=2015");

        Assert.Equal(5, SearchSite.ResultCount(from));
        Assert.Equal(6, SearchSite.ResultCount(to));
    }

    [Theory]
    [InlineData("oldest")]
    [InlineData("newest")]
    public async Task DateOrders_HoldAcrossPages(string sort)
    {
        var pages = await PagesAsync($"/search?q=graph&sort={sort}", 2);

        Assert.Equal([20, 12], pages.Select(p => p.QuerySelectorAll("article.paper").Length));
        var dates = pages.SelectMany(Dates).ToList();
        Assert.Equal(sort == "oldest" ? dates.Order(StringComparer.Ordinal) : dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Equal(32, dates.Count);
    }

    [Fact]
    public async Task ListingOrder_WithWords_FollowsTheListing()
    {
        var pages = await PagesAsync($"/related/{SearchSite.TensorSlug}?q=graph&sort=listing", 2);

        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"Graph paper number {i} colours a graph with few colours."), pages.SelectMany(SearchSite.Abstracts));
        Assert.Equal($"/related/{SearchSite.TensorSlug}?q=graph&sort=listing&page=2", pages[0].QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ListingPage_SortedByDate_IsNoLongerInListingOrder()
    {
        var page = await site.GetHtmlAsync($"/related/{SearchSite.TensorSlug}?sort=oldest");

        var dates = Dates(page);
        Assert.Equal(34, SearchSite.ResultCount(page));
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task EveryFilterAndAnOrder_Combine_WithPaging()
    {
        const string url = "/search?q=graph&subject=machine-learning-in-computer-science&author=shared-author&from=2015&to=2020&sort=oldest";
        var first = await site.GetHtmlAsync(url);
        var second = await site.GetHtmlAsync($"{url}&page=2");

        Assert.Equal(20, SearchSite.ResultCount(first));
        Assert.Equal(20, first.QuerySelectorAll("article.paper").Length);
        Assert.Null(first.QuerySelector("nav.pager a[rel=next]"));
        Assert.Equal(404, (int)(await site.CreateClient().GetAsync($"{url}&page=2")).StatusCode);
        Assert.Equal("Page not found", second.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task TwoFiltersAndWords_OnTheSecondPage()
    {
        var second = await site.GetHtmlAsync("/search?q=graph&subject=machine-learning-in-computer-science&sort=oldest&page=2");

        Assert.Equal(21, SearchSite.ResultCount(second));
        Assert.Single(second.QuerySelectorAll("article.paper"));
        Assert.Equal("/search?q=graph&subject=machine-learning-in-computer-science&sort=oldest", second.QuerySelector("nav.pager a[rel=prev]")!.GetAttribute("href"));
    }
}
