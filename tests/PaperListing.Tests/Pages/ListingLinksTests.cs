using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Pages;

/// <summary>What a listing page links to: each entry's paper, authors and subjects; its feed, its BibTeX, its own address.</summary>
public sealed class ListingLinksTests(TwoListingSite site) : IClassFixture<TwoListingSite>
{
    [Fact]
    public async Task Get_Home_EveryEntryLinksItsPaperAuthorsAndSubjects()
    {
        var page = await site.GetHtmlAsync("/");

        var first = page.QuerySelectorAll("article.paper")[0];
        Assert.Equal(TwoListingSite.FirstPaperId, first.Id);
        Assert.Equal(TwoListingSite.FirstPaperPath, first.QuerySelector("a.permalink")!.GetAttribute("href"));
        Assert.Equal(["/authors/behnam-neyshabur", "/authors/ryota-tomioka", "/authors/ruslan-salakhutdinov", "/authors/nathan-srebro"],
            first.QuerySelectorAll(".authors a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/subjects/machine-learning-in-computer-science", "/subjects/computer-science"],
            first.QuerySelectorAll("[itemprop=about] a").Select(a => a.GetAttribute("href")));
        Assert.All(page.QuerySelectorAll("article.paper"), a => Assert.StartsWith($"/papers/{a.Id}/", a.QuerySelector("a.permalink")!.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_StatisticsEntry_LinksTheStatisticsCategoryNotTheComputerScienceOne()
    {
        var page = await site.GetHtmlAsync("/");

        var statistics = page.QuerySelectorAll("[itemprop=about]").First(s => s.TextContent == "Machine Learning · Statistics");
        Assert.Equal(["/subjects/machine-learning-in-statistics", "/subjects/statistics"], statistics.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Get_PageTwo_AdvertisesItsFeedBibTexAndCanonicalAddress()
    {
        var page = await site.GetHtmlAsync($"/related/{TwoListingSite.SecondSlug}?page=2");

        var feed = page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!;
        Assert.Equal($"/related/{TwoListingSite.SecondSlug}/feed.atom", feed.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"a[href='/related/{TwoListingSite.SecondSlug}.bib?page=2']"));
        Assert.Equal($"http://localhost/related/{TwoListingSite.SecondSlug}?page=2", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("Related papers: Second Listing (page 2) · PaperListing", page.Title);
    }

    [Fact]
    public async Task Get_Home_CanonicalNamesTheListingBySlug()
    {
        var page = await site.GetHtmlAsync("/");

        Assert.Equal($"http://localhost/related/{TwoListingSite.RealSlug}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_PageWithFragment_HoldsTheEntryItNames()
    {
        var pageTwo = await site.GetHtmlAsync($"/related/{TwoListingSite.SecondSlug}?page=2");
        var id = pageTwo.QuerySelectorAll("article.paper")[7].Id!;

        var paper = await site.GetHtmlAsync(pageTwo.QuerySelectorAll("article.paper")[7].QuerySelector("a.permalink")!.GetAttribute("href")!);
        var href = paper.QuerySelector(".places a")!.GetAttribute("href")!;
        var target = await site.GetHtmlAsync(href.Split('#')[0]);

        Assert.EndsWith($"#{id}", href, StringComparison.Ordinal);
        Assert.NotNull(target.GetElementById(id));
    }
}
