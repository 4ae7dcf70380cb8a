using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PaperListing.Tests.Browser;

/// <summary>Making a reading list in a real browser: picking on several pages, reordering, copying its link, opening it elsewhere.</summary>
public sealed class ReadingListInBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string EntryIdsScript =
        "Array.from(document.querySelectorAll('ol.reading-list > li')).map(li => li.dataset.id || li.querySelector('article').id)";

    private static Task<string[]> EntryIdsAsync(IPage page) => page.EvaluateAsync<string[]>(EntryIdsScript);

    private static async Task<string> PickAsync(IPage page, int card)
    {
        var article = page.Locator("article.paper").Nth(card);
        await article.Locator("input.pick-box").CheckAsync();
        return (await article.GetAttributeAsync("id"))!;
    }

    [Fact]
    public async Task PickThreePapersOnTwoPages_Reorder_CopyTheLink_AndFindTheSameListInAFreshBrowser()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.BaseUrl });
        await page.GotoAsync("/");
        var a = await PickAsync(page, 0);
        var b = await PickAsync(page, 2);
        await page.GotoAsync("/related/a-long-listing?page=2");
        var c = await PickAsync(page, 4);

        var counter = page.Locator("header .reading-list-link");
        await Expect(counter).ToBeVisibleAsync();
        await Expect(counter.Locator(".selection-count")).ToHaveTextAsync("3");
        await counter.ClickAsync();
        await page.WaitForURLAsync("**/list?**");
        Assert.Equal([a, b, c], await EntryIdsAsync(page));

        // By mouse: the first paper down one place; by keyboard: the last one up one place.
        await page.Locator("ol.reading-list > li").Nth(0).GetByRole(AriaRole.Button, new() { Name = "Move down" }).ClickAsync();
        Assert.Equal([b, a, c], await EntryIdsAsync(page));
        await page.Locator("ol.reading-list > li").Nth(2).GetByRole(AriaRole.Button, new() { Name = "Move up" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal([b, c, a], await EntryIdsAsync(page));
        Assert.Equal(c, await page.EvaluateAsync<string>("document.activeElement.closest('li').querySelector('article').id"));
        await Expect(page.Locator(".list-status")).ToHaveTextAsync("Moved to place 2 of 3.");

        await page.Locator(".list-share").GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Expect(page.Locator(".copy-status")).ToHaveTextAsync("Link copied.");
        var copied = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.Equal($"{site.BaseUrl}/list?p={b}&p={c}&p={a}", copied);
        Assert.Equal(copied, page.Url);

        var elsewhere = await site.NewPageAsync();
        await elsewhere.GotoAsync(copied);
        Assert.Equal([b, c, a], await EntryIdsAsync(elsewhere));
        await Expect(elsewhere.Locator("header .reading-list-link")).ToBeHiddenAsync();

        // The list came from the selection, so the selection followed the new order.
        await page.GotoAsync("/");
        await Expect(page.Locator("header .reading-list-link")).ToHaveAttributeAsync("href", $"/list?p={b}&p={c}&p={a}");
    }

    [Fact]
    public async Task RemovingAPaper_UpdatesTheAddressTheFilesAndTheCount_AndMovesFocusOn()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        await page.GotoAsync("/list?p=qebznk55xr&p=zzzzzzzzzz&p=kzxjda4djx&title=Group");

        await page.Locator("ol.reading-list > li").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();

        Assert.Equal(["qebznk55xr", "kzxjda4djx"], await EntryIdsAsync(page));
        Assert.EndsWith("/list?p=qebznk55xr&p=kzxjda4djx&title=Group", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator(".list-count")).ToHaveTextAsync("2 papers");
        await Expect(page.Locator("a[type='application/x-bibtex']")).ToHaveAttributeAsync("href", "/list.bib?p=qebznk55xr&p=kzxjda4djx&title=Group");
        await Expect(page.Locator("nav.languages a[hreflang=ja]")).ToHaveAttributeAsync("href", "/list?p=qebznk55xr&p=kzxjda4djx&title=Group&culture=ja");
        Assert.Equal(["qebznk55xr", "kzxjda4djx"], await page.EvaluateAsync<string[]>(
            "Array.from(document.querySelectorAll('.list-details-form input[name=p]')).map(i => i.value)"));
        Assert.Equal("kzxjda4djx", await page.EvaluateAsync<string>("document.activeElement.closest('li').querySelector('article').id"));
        await Expect(page.Locator(".list-status")).ToHaveTextAsync("Removed from the list; 2 left.");
    }

    [Fact]
    public async Task WithoutJavaScript_ShowSelectedOpensThePapersTickedOnThePage()
    {
        BrowserSite.RequireChromium();
        var context = await site.Browser.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = site.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/related/a-long-listing?page=3");
        var a = await PickAsync(page, 1);
        var b = await PickAsync(page, 3);

        await page.GetByRole(AriaRole.Button, new() { Name = "Show selected" }).ClickAsync();

        await page.WaitForURLAsync("**/list?**");
        Assert.Equal([a, b], await page.Locator("ol.reading-list article").EvaluateAllAsync<string[]>("articles => articles.map(a => a.id)"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move up" })).ToHaveCountAsync(0);
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("en", 1280, ColorScheme.Light)]
    [InlineData("en", 1280, ColorScheme.Dark)]
    [InlineData("en", 360, ColorScheme.Light)]
    [InlineData("en", 360, ColorScheme.Dark)]
    [InlineData("ja", 1280, ColorScheme.Light)]
    [InlineData("ja", 1280, ColorScheme.Dark)]
    [InlineData("ja", 360, ColorScheme.Light)]
    [InlineData("ja", 360, ColorScheme.Dark)]
    public async Task Screenshots_OfAListAndOfPicking_AreKeptAsArtifacts(string language, int width, ColorScheme scheme)
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync(width, 900, scheme, language == "ja" ? "ja-JP" : "en-US");
        await page.GotoAsync($"/?culture={language}");
        await PickAsync(page, 1);
        await PickAsync(page, 2);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        var picking = Path.Combine(BrowserSite.ArtifactsPath, $"picking-{language}-{width}-{scheme.ToString().ToLowerInvariant()}.png");
        await page.ScreenshotAsync(new() { Path = picking });

        await page.GotoAsync("/list?p=qebznk55xr&p=zzzzzzzzzz&p=kzxjda4djx&title=Thursday%20reading%20group&note=Sections%202%20and%203%20first.%0AThe%20rest%20if%20time%20allows.");
        var list = Path.Combine(BrowserSite.ArtifactsPath, $"list-{language}-{width}-{scheme.ToString().ToLowerInvariant()}.png");
        await page.ScreenshotAsync(new() { Path = list, FullPage = true });

        Assert.True(new FileInfo(picking).Length > 10_000 && new FileInfo(list).Length > 10_000);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the list is {overflow}px wider than the screen");
    }
}
