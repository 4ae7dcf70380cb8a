using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Links;

/// <summary>What a chat's link preview reads from every kind of page: title, description, canonical URL, OpenGraph, Twitter card.</summary>
public sealed class PageMetadataTests(TwoListingSite site) : IClassFixture<TwoListingSite>
{
    private static string? Meta(IDocument page, string name) =>
        page.QuerySelector($"meta[name='{name}'], meta[property='{name}']")?.GetAttribute("content");

    [Theory]
    [InlineData("/", "Related papers: Implicit Regularization in Deep Learning", "/related/implicit-regularization-in-deep-learning", "website")]
    [InlineData("/related/second-listing?page=2", "Related papers: Second Listing (page 2)", "/related/second-listing?page=2", "website")]
    [InlineData(TwoListingSite.FirstPaperPath, "Paper by Behnam Neyshabur et al., 2017: “We argue", TwoListingSite.FirstPaperPath, "article")]
    [InlineData("/authors/shared-author?page=2", "Shared Author (page 2)", "/authors/shared-author?page=2", "profile")]
    [InlineData("/subjects/machine-learning-in-statistics", "Machine Learning · Statistics", "/subjects/machine-learning-in-statistics", "website")]
    [InlineData("/subjects/computer-science", "Computer Science", "/subjects/computer-science", "website")]
    [InlineData("/no/such/page", "Page not found", "/no/such/page", "website")]
    [InlineData("/authors/shared-author?page=abc", "Bad request", "/authors/shared-author?page=abc", "website")]
    public async Task Get_AnyPage_HasTitleDescriptionCanonicalAndPreviewTags(string url, string titleStart, string canonicalPath, string type)
    {
        var page = await site.GetHtmlAsync(url);

        var title = Meta(page, "og:title")!;
        var description = Meta(page, "description")!;
        var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href");
        Assert.StartsWith(titleStart, title, StringComparison.Ordinal);
        Assert.Equal($"{title} · PaperListing", page.Title);
        Assert.Equal($"http://localhost{canonicalPath}", canonical);
        Assert.False(string.IsNullOrWhiteSpace(description));
        Assert.Equal(description, Meta(page, "og:description"));
        Assert.Equal(canonical, Meta(page, "og:url"));
        Assert.Equal("PaperListing", Meta(page, "og:site_name"));
        Assert.Equal(type, Meta(page, "og:type"));
        Assert.Equal("summary", Meta(page, "twitter:card"));
        Assert.Equal(title, Meta(page, "twitter:title"));
        Assert.Equal(description, Meta(page, "twitter:description"));
    }

    [Fact]
    public async Task Get_ErrorPage_AsksSearchEnginesNotToIndexIt()
    {
        var missing = await site.GetHtmlAsync("/authors/nobody-at-all");
        var found = await site.GetHtmlAsync("/authors/shared-author");

        Assert.Equal("noindex", Meta(missing, "robots"));
        Assert.Null(Meta(found, "robots"));
    }

    [Fact]
    public async Task Get_ThroughAnotherHost_CanonicalUrlsUseThatHost()
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://papers.lab.example/") });

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(TwoListingSite.FirstPaperPath));

        Assert.Equal($"https://papers.lab.example{TwoListingSite.FirstPaperPath}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_UnderAPathBase_EveryLinkAndCanonicalCarriesIt()
    {
        using var mounted = site.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, MountedAtLab>()));
        using var client = mounted.CreateClient();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/lab/related/second-listing"));

        Assert.Equal("http://localhost/lab/related/second-listing", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var hrefs = page.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.StartsWith("/lab/", href, StringComparison.Ordinal));
        using var feed = await client.GetAsync("/lab/related/second-listing/feed.atom");
        Assert.Contains("href=\"http://localhost/lab/related/second-listing/feed.atom\"", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The site mounted under /lab, as behind a reverse proxy that forwards a path prefix.</summary>
    private sealed class MountedAtLab : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UsePathBase("/lab");
            next(app);
        };
    }
}
