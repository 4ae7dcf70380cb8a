using AngleSharp.Dom;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Pages;

/// <summary>Paging through listings of many sizes, as a visitor clicking the pager would.</summary>
public sealed class PagingTests
{
    private static string[] Numbers(IDocument page) =>
        page.QuerySelectorAll("nav.pager li").Select(li => li.TextContent.Trim()).ToArray();

    private static string[] Abstracts(IDocument page) =>
        page.QuerySelectorAll("[itemprop=abstract]").Select(a => a.TextContent.Split(' ')[1]).ToArray();

    [Fact]
    public async Task Listing45PapersIn3Files_Shows20_20And5()
    {
        using var site = new SiteFactory()
            .WithSeed("001.txt", TestSeeds.Dump("Forty Five", 20, first: 1, declaredTotal: 45))
            .WithSeed("002.txt", TestSeeds.Dump("Forty Five", 20, first: 21, declaredTotal: 45))
            .WithSeed("003.txt", TestSeeds.Dump("Forty Five", 5, first: 41, declaredTotal: 45));

        var one = await site.GetHtmlAsync("/");
        var two = await site.GetHtmlAsync("/?page=2");
        var three = await site.GetHtmlAsync("/?page=3");

        Assert.Equal("Papers 1–20 of 45 · page 1 of 3", one.QuerySelector(".place")!.TextContent.Trim());
        Assert.Equal("Papers 41–45 of 45 · page 3 of 3", three.QuerySelector(".place")!.TextContent.Trim());
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"{n}"), Abstracts(one));
        Assert.Equal(Enumerable.Range(21, 20).Select(n => $"{n}"), Abstracts(two));
        Assert.Equal(Enumerable.Range(41, 5).Select(n => $"{n}"), Abstracts(three));
        Assert.Equal(["1", "2", "3"], Numbers(two));
        Assert.Equal("2", two.QuerySelector("[aria-current=page]")!.TextContent);
        Assert.Equal("/", two.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/?page=3", two.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/", two.QuerySelector("link[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/?page=3", two.QuerySelector("link[rel=next]")!.GetAttribute("href"));
        Assert.Null(one.QuerySelector("a[rel=prev]"));
        Assert.Null(one.QuerySelector("link[rel=prev]"));
        Assert.Null(three.QuerySelector("a[rel=next]"));
        Assert.NotNull(three.QuerySelector(".next[aria-disabled=true]"));
        Assert.Equal("21", two.QuerySelector("ol.papers")!.GetAttribute("start"));
    }

    [Fact]
    public async Task Listing2Pages_PagesBothWays()
    {
        using var site = new SiteFactory().WithSeed("001.txt", TestSeeds.Dump("Two Pages", 21));

        var one = await site.GetHtmlAsync("/");
        var two = await site.GetHtmlAsync(one.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal(["1", "2"], Numbers(one));
        Assert.Equal(["21"], Abstracts(two));
        Assert.Equal("/", two.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ListingOfManyPages_ShowsGapsAroundTheWindow()
    {
        using var site = new SiteFactory().WithSeed("001.txt", TestSeeds.Dump("Many Pages", 20 * 30 - 3));

        var first = await site.GetHtmlAsync("/related/many-pages");
        var middle = await site.GetHtmlAsync("/related/many-pages?page=15");
        var last = await site.GetHtmlAsync("/related/many-pages?page=30");

        Assert.Equal(["1", "2", "3", "…", "30"], Numbers(first));
        Assert.Equal(["1", "…", "13", "14", "15", "16", "17", "…", "30"], Numbers(middle));
        Assert.Equal(["1", "…", "28", "29", "30"], Numbers(last));
        Assert.Equal(17, Abstracts(last).Length);
        Assert.Equal("/related/many-pages?page=16", middle.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/related/many-pages?page=2", middle.QuerySelector("nav.pager a[href$='page=2']") is null ? "/related/many-pages?page=2" : "unexpected");
        var jump = middle.QuerySelector("form.jump")!;
        Assert.Equal(("get", "/related/many-pages"), (jump.GetAttribute("method"), jump.GetAttribute("action")));
        Assert.Equal(("1", "30"), (jump.QuerySelector("input[name=page]")!.GetAttribute("min"), jump.QuerySelector("input[name=page]")!.GetAttribute("max")));
        Assert.Equal("page 15 of 30", middle.QuerySelector("nav.pager .pager-status")!.TextContent);
        Assert.Equal(Enumerable.Range(281, 20).Select(n => $"{n}"), middle.QuerySelectorAll("article.paper .position").Select(p => p.TextContent));
    }

    [Fact]
    public async Task SeveralListings_HomeLinksTheOthers()
    {
        using var site = new SiteFactory()
            .WithSeed("001.txt", TestSeeds.Dump("First Listing", 3))
            .WithSeed("002.txt", TestSeeds.Dump("Second Listing", 4));

        var home = await site.GetHtmlAsync("/");

        Assert.Equal("Related papers: First Listing", home.QuerySelector("h1")!.TextContent.Trim());
        var other = Assert.Single(home.QuerySelectorAll(".other-listings a"));
        Assert.Equal("/related/second-listing", other.GetAttribute("href"));
        var second = await site.GetHtmlAsync("/related/second-listing");
        Assert.Equal(4, second.QuerySelectorAll("[itemprop=abstract]").Length);
    }

    [Fact]
    public async Task NoSeeds_HomeSaysThereAreNoListings()
    {
        using var site = new SiteFactory();

        var home = await site.GetHtmlAsync("/");

        Assert.Equal("No listings yet", home.QuerySelector("h1")!.TextContent.Trim());
    }
}
