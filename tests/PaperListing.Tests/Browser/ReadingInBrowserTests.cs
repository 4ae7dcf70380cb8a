using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PaperListing.Tests.Browser;

/// <summary>
/// Reading a list in a real browser, at 360 and 1280 px, in both languages and both themes: the header, where one is,
/// the one-row pager and the jump form, headings to move by, nothing overlapping or cut off.
/// </summary>
public sealed class ReadingInBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Hundred = "/related/a-hundred-pages";

    public static TheoryData<int, string, ColorScheme> Views => new()
    {
        { 360, "en-US", ColorScheme.Light }, { 360, "en-US", ColorScheme.Dark }, { 360, "ja-JP", ColorScheme.Light }, { 360, "ja-JP", ColorScheme.Dark },
        { 1280, "en-US", ColorScheme.Light }, { 1280, "en-US", ColorScheme.Dark }, { 1280, "ja-JP", ColorScheme.Light }, { 1280, "ja-JP", ColorScheme.Dark },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task PageFifty_SaysWhereItIs_OnOneRowPager_WithNothingOverlappingOrCutOff(int width, string locale, ColorScheme scheme)
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync(width, 800, scheme, locale);
        await page.GotoAsync($"{Hundred}?page=50");
        var english = locale.StartsWith("en", StringComparison.Ordinal);

        await Assertions.Expect(page.Locator(".place")).ToHaveTextAsync(english
            ? "Papers 981–1,000 of 2,000 · page 50 of 100" : "2,000 件中 981–1,000 件目 · 100 ページ中 50 ページ目");
        Assert.Equal("981", await page.Locator("article.paper .position").First.TextContentAsync());
        var pagerRows = await page.EvaluateAsync<int>("""
            () => new Set([...document.querySelectorAll("nav.pager > *")].filter((e) => e.getBoundingClientRect().height > 0)
              .map((e) => Math.round(e.getBoundingClientRect().top / 8))).size
            """);
        Assert.Equal(1, pagerRows);
        if (width == 360)
        {
            await Assertions.Expect(page.Locator("nav.pager .pager-status")).ToHaveTextAsync(english ? "page 50 of 100" : "100 ページ中 50 ページ目");
            var header = await page.Locator(".site-header").BoundingBoxAsync();
            var box = await page.Locator("#search-q").BoundingBoxAsync();
            Assert.True(header!.Height <= 100, $"the header is {header.Height}px high");
            Assert.True(box!.Width >= 0.55 * width, $"the search box is {box.Width}px wide");
        }
        Assert.Empty(await LayoutChecks.OverlapsAsync(page));
        Assert.Empty(await LayoutChecks.ClippedAsync(page));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ArtifactsPath, $"page50-{width}-{locale}-{scheme.ToString().ToLowerInvariant()}.png") });
        await page.Locator("nav.pager").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ArtifactsPath, $"pager-{width}-{locale}-{scheme.ToString().ToLowerInvariant()}.png") });
    }

    [Fact]
    public async Task EveryCard_IsAHeadingToMoveBy_LinkingItsPaper()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");

        var headings = page.GetByRole(AriaRole.Heading, new() { Level = 2 }).Filter(new() { Has = page.Locator("a[href^='/papers/']") });
        Assert.Equal(20, await headings.CountAsync());
        Assert.Equal("We argue that the optimization plays a crucial role in generalization of deep learning models through implicit regularization.",
            (await headings.First.TextContentAsync())!.Trim());
        var id = await page.Locator("article.paper").First.GetAttributeAsync("id");
        await headings.First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/papers/{id}/"));
    }

    [Fact]
    public async Task TheJumpForm_GoesToThePage_AndABadNumberIsRefusedAsTheAddressWouldBe()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        await page.GotoAsync(Hundred);

        await page.GetByLabel("Go to page").FillAsync("73");
        await page.GetByRole(AriaRole.Button, new() { Name = "Go", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"a-hundred-pages\?page=73$"));
        await Assertions.Expect(page.Locator("nav.pager [aria-current=page]")).ToHaveTextAsync("73");

        // Past the browser's own check (min, max), the server answers as it does to ?page=.
        await page.Locator("form.jump").EvaluateAsync("form => form.noValidate = true");
        await page.GetByLabel("Go to page").FillAsync("0");
        var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Go", Exact = true }).ClickAsync(), r => r.Url.Contains("page=0", StringComparison.Ordinal));
        Assert.Equal(400, refused.Status);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("\"0\" is not a page number. This list has pages 1 to 100.");
    }

    [Fact]
    public async Task TheJumpForm_WorksWithoutJavaScript()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync(width: 360, height: 780, javaScript: false);
        await page.GotoAsync(Hundred);

        await page.GetByLabel("Go to page").FillAsync("100");
        await page.GetByLabel("Go to page").PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?page=100$"));
        await Assertions.Expect(page.Locator(".place")).ToHaveTextAsync("Papers 1,981–2,000 of 2,000 · page 100 of 100");
    }

    [Theory]
    [InlineData("en-US", "Keys ← and → turn the pages.")]
    [InlineData("ja-JP", "← と → のキーでページを移動できます。")]
    public async Task TheArrowKeys_AreToldNearThePager_AndDoWhatItSays(string locale, string hint)
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync(locale: locale);
        await page.GotoAsync($"{Hundred}?page=2");

        await Assertions.Expect(page.Locator(".keys-hint")).ToHaveTextAsync(hint);
        await Assertions.Expect(page.Locator(".keys-hint")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?page=3$"));
    }
}
