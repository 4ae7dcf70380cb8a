using Microsoft.Playwright;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Browser;

/// <summary>
/// A page full of formulas does not move under the reader: they arrive typeset (MathML from the server, drawn with the
/// text), so nothing shifts (as Chromium's Layout Instability API counts it), down to the last one.
/// </summary>
public sealed class MathLayoutInBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Page = $"/related/{FormulaSeed.Slug}";

    /// <summary>Sums every layout shift the page reports, from before its first paint.</summary>
    private const string WatchShifts = """
        window.layoutShift = 0;
        window.shiftSources = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.layoutShift += e.value; for (const s of e.sources || []) window.shiftSources.push(`${e.startTime.toFixed(0)} ${e.value.toFixed(4)} ${s.node?.nodeName}.${s.node?.className} ${s.node?.textContent?.slice(0, 40)} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`); } })
          .observe({ type: "layout-shift", buffered: true });
        """;

    [Theory]
    [InlineData(360, 780, "en-US", ColorScheme.Light)]
    [InlineData(360, 780, "ja-JP", ColorScheme.Dark)]
    [InlineData(1280, 900, "en-US", ColorScheme.Dark)]
    [InlineData(1280, 900, "ja-JP", ColorScheme.Light)]
    public async Task FormulasOnTheFirstScreen_AreTypesetWithoutShiftingThePage(int width, int height, string locale, ColorScheme scheme)
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync(width, height, scheme, locale);
        await page.AddInitScriptAsync(WatchShifts);

        await page.GotoAsync(Page, new() { WaitUntil = WaitUntilState.Load });
        await page.EvaluateAsync("document.fonts.ready");
        await page.EvaluateAsync("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))");

        var onScreen = await page.EvaluateAsync<int[]>("""
            [...document.querySelectorAll("span.tex")].filter((s) => s.getBoundingClientRect().top < innerHeight)
              .map((s) => s.querySelector(":scope > .katex > math")?.getBoundingClientRect().width > 0 ? 1 : 0)
            """);
        Assert.True(onScreen.Length >= 3, $"{onScreen.Length} formulas on the first screen");
        Assert.All(onScreen, typeset => Assert.Equal(1, typeset));
        var shift = await page.EvaluateAsync<double>("window.layoutShift");
        Assert.True(shift < 0.01, $"layout shift {shift:F4}: " + string.Join("\n", await page.EvaluateAsync<string[]>("window.shiftSources")));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ArtifactsPath, $"formulas-{width}-{locale}-{scheme}.png".ToLowerInvariant()) });
    }

    [Fact]
    public async Task FormulasFurtherDown_AreTypesetToo()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync(360, 780);
        await page.GotoAsync(Page);
        var last = page.Locator("span.tex").Last;

        await last.ScrollIntoViewIfNeededAsync();

        Assert.True(await last.Locator(":scope > .katex > math").EvaluateAsync<double>("e => e.getBoundingClientRect().width") > 0);
        Assert.Equal(await page.Locator("span.tex").CountAsync(), await page.Locator("span.tex > .katex > math").CountAsync());
    }
}
