using System.Text.RegularExpressions;

namespace PaperListing.Tests.Pages;

/// <summary>Every asset comes from the site itself, fingerprinted and cached for a year.</summary>
public sealed partial class AssetTests(ListingPageTests.RealSeedSite site) : IClassFixture<ListingPageTests.RealSeedSite>
{
    [Fact]
    public async Task Page_LinksOnlyFingerprintedAssetsOfItsOwn()
    {
        var page = await site.GetHtmlAsync("/");

        var assets = page.QuerySelectorAll("link[rel=stylesheet], link[rel=icon], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();

        Assert.NotEmpty(assets);
        Assert.All(assets, href => Assert.Matches(Fingerprinted(), href));
    }

    [Fact]
    public async Task FingerprintedAsset_IsCachedForAYear()
    {
        var page = await site.GetHtmlAsync("/");
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var client = site.CreateClient();

        var response = await client.GetAsync(css);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^/(css/|js/)?[a-z.]+\?v=[A-Za-z0-9_-]{20,}$")]
    private static partial Regex Fingerprinted();
}
