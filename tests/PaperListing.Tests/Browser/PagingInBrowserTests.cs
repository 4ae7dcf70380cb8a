using Microsoft.Playwright;

namespace PaperListing.Tests.Browser;

/// <summary>Paging through a listing in a real browser, by mouse and by keyboard, on a desk and on a phone.</summary>
public sealed class PagingInBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string LongListing = "/related/a-long-listing";

    private static async Task<string> CurrentPageAsync(IPage page) =>
        (await page.Locator("nav.pager [aria-current=page]").TextContentAsync())!.Trim();

    [Fact]
    public async Task ClickingNextPrevAndNumbers_PagesThroughTheListing()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        await page.GotoAsync(LongListing);

        await page.GetByRole(AriaRole.Link, new() { Name = "Next ›" }).ClickAsync();
        Assert.Equal("2", await CurrentPageAsync(page));
        Assert.EndsWith("?page=2", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("Paper 21 ", await page.Locator("[itemprop=abstract]").First.TextContentAsync(), StringComparison.Ordinal);

        await page.Locator("nav.pager").GetByRole(AriaRole.Link, new() { Name = "5", Exact = true }).ClickAsync();
        Assert.Equal("5", await CurrentPageAsync(page));
        Assert.Equal(15, await page.Locator("[itemprop=abstract]").CountAsync());
        Assert.Equal(1, await page.Locator("nav.pager .next[aria-disabled=true]").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "‹ Prev" }).ClickAsync();
        Assert.Equal("4", await CurrentPageAsync(page));
    }

    [Fact]
    public async Task TheKeyboardReachesThePagerAndFollowsIt()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        await page.GotoAsync(LongListing);

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Locator("nav.pager a[rel=next]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("page=2$"));
        Assert.Equal("2", await CurrentPageAsync(page));
    }

    [Fact]
    public async Task APhoneWideScreen_HasNoHorizontalScroll()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync(width: 360, height: 780);
        await page.GotoAsync("/");

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 360px screen");
    }

    [Theory]
    [InlineData("desktop-light", 1280, 900, ColorScheme.Light)]
    [InlineData("desktop-dark", 1280, 900, ColorScheme.Dark)]
    [InlineData("phone-light", 360, 780, ColorScheme.Light)]
    [InlineData("phone-dark", 360, 780, ColorScheme.Dark)]
    public async Task Screenshots_OfTheListing_AreKeptAsArtifacts(string name, int width, int height, ColorScheme scheme)
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync(width, height, scheme);
        await page.GotoAsync("/");
        var path = Path.Combine(BrowserSite.ArtifactsPath, $"listing-{name}.png");

        await page.ScreenshotAsync(new() { Path = path, FullPage = false });

        Assert.True(new FileInfo(path).Length > 10_000);
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal(scheme == ColorScheme.Dark ? "rgb(18, 22, 27)" : "rgb(255, 255, 255)", background);
    }
}
