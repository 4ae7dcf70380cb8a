using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PaperListing.Tests.Browser;

/// <summary>Searching in a real browser: type, press Enter, read the results, follow one; arrows in the box stay in the box.</summary>
public sealed partial class SearchInBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task TypingAndPressingEnter_ShowsTheResults_AndOneCanBeFollowed()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        await page.GotoAsync("/related/a-long-listing");

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search papers" });
        await box.FillAsync("Paper 42");
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(ListingSearch());
        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync("1 result for \"Paper 42\"");
        Assert.Equal(["Paper", "42"], await page.Locator("article.paper [itemprop=abstract] mark").AllTextContentsAsync());
        await page.Locator("article.paper a.permalink").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PaperPage());
        Assert.StartsWith("Paper 42 studies", await page.Locator("[itemprop=abstract]").First.TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSecondButton_SearchesEveryListing()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        await page.GotoAsync("/related/a-long-listing");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Search papers" }).FillAsync("deep learning");
        await page.GetByRole(AriaRole.Button, new() { Name = "All listings" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=deep\+learning$"));
        Assert.True(await page.Locator("article.paper").CountAsync() > 0);
    }

    [Fact]
    public async Task ArrowKeysInTheSearchBox_MoveTheCaret_NotThePage()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        await page.GotoAsync("/related/a-long-listing?page=2");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search papers" });

        await box.FillAsync("fresh angle");
        await box.PressAsync("ArrowLeft");
        await box.PressAsync("ArrowRight");
        await box.PressAsync("ArrowLeft");
        await page.WaitForTimeoutAsync(300);

        Assert.EndsWith("/related/a-long-listing?page=2", page.Url, StringComparison.Ordinal);
        Assert.Equal("fresh angle", await box.InputValueAsync());
        Assert.Equal(10, await box.EvaluateAsync<int>("el => el.selectionStart"));

        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"page=3$"));
    }

    [GeneratedRegex(@"/related/a-long-listing\?q=Paper\+42$")]
    private static partial Regex ListingSearch();

    [GeneratedRegex(@"/papers/[a-z0-9]+/paper-42-studies")]
    private static partial Regex PaperPage();
}
