using Microsoft.Playwright;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Browser;

/// <summary>
/// The README's pictures, made from the real app: the listing and a paper page with formulas, wide and at 360 px,
/// light and dark. Kept as artifacts; with PAPERLISTING_UPDATE_SCREENSHOTS=1 they also replace docs/screenshots/.
/// </summary>
public sealed class ReadmeScreenshotTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData("listing-1280-light", "/", 1280, 900, ColorScheme.Light)]
    [InlineData("listing-1280-dark", "/", 1280, 900, ColorScheme.Dark)]
    [InlineData("listing-360-light", "/", 360, 780, ColorScheme.Light)]
    [InlineData("listing-360-dark", "/", 360, 780, ColorScheme.Dark)]
    [InlineData("paper-1280-light", "/papers/{math}", 1280, 900, ColorScheme.Light)]
    [InlineData("paper-360-dark", "/papers/{math}", 360, 780, ColorScheme.Dark)]
    public async Task Screenshot_ShowsTheTypesetPageAsAVisitorSeesIt(string name, string url, int width, int height, ColorScheme scheme)
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync(width, height, scheme);
        if (url.Contains("{math}", StringComparison.Ordinal))
        {
            await page.GotoAsync($"/related/{MathSeed.Slug}");
            url = (await page.Locator("article.paper h2 a").First.GetAttributeAsync("href"))!;
        }
        await page.GotoAsync(url);
        await page.EvaluateAsync("document.fonts.ready");
        var path = Path.Combine(BrowserSite.ArtifactsPath, $"readme-{name}.png");

        await page.ScreenshotAsync(new() { Path = path });

        Assert.True(new FileInfo(path).Length > 10_000);
        Assert.Empty(await LayoutChecks.OverlapsAsync(page));
        Assert.Empty(await LayoutChecks.ClippedAsync(page));
        if (url.StartsWith("/papers/", StringComparison.Ordinal))
        {
            Assert.True(await page.Locator(".katex").CountAsync() > 0);
        }
        if (Environment.GetEnvironmentVariable("PAPERLISTING_UPDATE_SCREENSHOTS") == "1")
        {
            File.Copy(path, Path.Combine(OutsideComponent.RepositoryRoot, "docs", "screenshots", $"{name}.png"), overwrite: true);
        }
    }
}
