using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PaperListing.Tests.Browser;

/// <summary>Switching language in the browser sticks while the visitor pages on.</summary>
public sealed class LanguageInBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task SwitchingToJapanese_SticksAcrossPages()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        await page.GotoAsync("/related/a-long-listing");

        await page.GetByRole(AriaRole.Link, new() { Name = "日本語" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "次へ ›" }).ClickAsync();

        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        Assert.EndsWith("?page=2", page.Url, StringComparison.Ordinal);
        Assert.Equal("‹ 前へ", (await page.Locator("nav.pager a[rel=prev]").TextContentAsync())!.Trim());

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.GotoAsync("/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task ArrowKeys_FollowThePager()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        await page.GotoAsync("/related/a-long-listing");

        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("page=2$"));
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("a-long-listing$"));

        Assert.Equal("1", (await page.Locator("nav.pager [aria-current=page]").TextContentAsync())!.Trim());
    }
}
