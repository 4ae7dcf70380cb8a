using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.Extensions.Options;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Hosting;

/// <summary>The site served under a path base behind a proxy: every address it writes carries the prefix.</summary>
public sealed class PathBaseTests
{
    private const string Prefix = "/reading-list";

    private static SiteFactory Site() => new SiteFactory()
        .WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 45))
        .WithSeed("002_beta.txt", TestSeeds.Dump("Beta", 3))
        .WithSetting("PathBase", Prefix);

    [Fact]
    public async Task Get_ListingUnderPathBase_EveryLinkAndTheStylesheetCarryThePrefix()
    {
        await using var site = Site();
        await site.ImportedAsync();

        var page = await site.GetHtmlAsync($"{Prefix}/");

        Assert.Equal(20, page.QuerySelectorAll("article[itemtype='https://schema.org/ScholarlyArticle']").Length);
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches($@"^{Prefix}/css/site\.[a-z0-9]+\.css$", stylesheet); // its fingerprinted name
        // Canonical and feed links are absolute: the prefix follows the host.
        var links = page.QuerySelectorAll("a[href], link[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith('#'))
            .Select(h => h.StartsWith("http://localhost/", StringComparison.Ordinal) ? h["http://localhost".Length..] : h).ToList();
        Assert.Contains($"{Prefix}/", links);
        Assert.Contains($"{Prefix}/?page=2", links);
        Assert.Contains(links, h => h.StartsWith($"{Prefix}/related/", StringComparison.Ordinal));
        Assert.All(links, h => Assert.StartsWith($"{Prefix}/", h, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_StylesheetUnderPathBase_IsServed()
    {
        await using var site = Site();
        var page = await site.GetHtmlAsync($"{Prefix}/");
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var client = site.CreateClient();

        var response = await client.GetAsync(stylesheet, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_MissingListingUnderPathBase_NotFoundPageLinksHomeWithThePrefix()
    {
        await using var site = Site();
        using var client = site.CreateClient();

        var response = await client.GetAsync($"{Prefix}/related/no-such-listing", TestContext.Current.CancellationToken);
        var page = await site.GetHtmlAsync($"{Prefix}/related/no-such-listing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.All(page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith('#')),
            h => Assert.StartsWith($"{Prefix}/", h, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/reading-list/", "/reading-list")]
    [InlineData("/", "")]
    [InlineData("", "")]
    public void PathBase_TrailingSlash_IsDropped(string setting, string expected)
    {
        using var site = new SiteFactory().WithSetting("PathBase", setting);

        Assert.Equal(expected, site.Services.GetRequiredService<IOptions<PaperListing.Web.Configuration.PathBaseOptions>>().Value.PathBase);
    }

    [Fact]
    public void Startup_PathBaseWithoutLeadingSlash_FailsNamingTheSetting()
    {
        var error = SiteFactory.StartupError(() => new SiteFactory().WithSetting("PathBase", "reading-list"));

        Assert.Contains("PathBase must be empty or a path such as /reading-list", error.Message, StringComparison.Ordinal);
    }
}
