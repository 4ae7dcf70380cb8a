using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PaperListing.Tests.Browser;

/// <summary>Suggestions while typing in a real browser: a combobox and its list, used with the keyboard or the mouse.</summary>
public sealed partial class SuggestionsInBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    /// <summary>The search box, whatever its label says on this page and in this language.</summary>
    private static ILocator Box(IPage page) => page.Locator("#search-q");

    [Fact]
    public async Task TypingAName_ListsIt_AndTheKeyboardTakesIt()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        await page.GotoAsync("/related/implicit-regularization-in-deep-learning");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search papers" });
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-autocomplete", "list");

        await box.PressSequentiallyAsync("raz");

        var list = page.GetByRole(AriaRole.Listbox, new() { Name = "Suggestions" });
        await Assertions.Expect(list).ToBeVisibleAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        var first = list.GetByRole(AriaRole.Option).First;
        await Assertions.Expect(first).ToHaveTextAsync("Noam Razin Author");
        await box.PressAsync("ArrowDown");
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await first.GetAttributeAsync("id"))!);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ArtifactsPath, "suggestions-1280-light.png") });
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(ListingSearchForRazin());
        await Assertions.Expect(page.Locator(".result-count")).ToContainTextAsync("\"Noam Razin\"");
        Assert.True(await page.Locator("article.paper").CountAsync() > 0);
    }

    [Fact]
    public async Task Escape_ClosesTheList_AndArrowUpWrapsToTheLast()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        await page.GotoAsync("/search");
        var box = Box(page);

        await box.PressSequentiallyAsync("regul");
        var options = page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option);
        await Assertions.Expect(options.First).ToBeVisibleAsync();
        Assert.All(await options.AllTextContentsAsync(), text => Assert.StartsWith("regul", text, StringComparison.Ordinal));
        await box.PressAsync("ArrowUp");
        await box.PressAsync("ArrowDown");
        await box.PressAsync("ArrowUp");
        await Assertions.Expect(options.Last).ToHaveAttributeAsync("aria-selected", "true");

        await box.PressAsync("Escape");

        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        Assert.Equal("regul", await box.InputValueAsync());
    }

    [Fact]
    public async Task ClickingASuggestion_SearchesIt()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync(360, 740);
        await page.GotoAsync("/search");

        await Box(page).PressSequentiallyAsync("tensor fact");
        var option = page.GetByRole(AriaRole.Option, new() { Name = "tensor factorization", Exact = true });
        await Assertions.Expect(option).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ArtifactsPath, "suggestions-360-light.png") });
        await option.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=tensor\+factorization$"));
    }

    [Theory]
    [InlineData("raz", "en-US", ColorScheme.Light)]
    [InlineData("regul", "ja-JP", ColorScheme.Dark)]
    public async Task TheOpenList_HasNoAxeViolations(string typed, string locale, ColorScheme scheme)
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync(scheme: scheme, locale: locale);
        await page.GotoAsync("/");
        await Box(page).PressSequentiallyAsync(typed);
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        await Box(page).PressAsync("ArrowDown");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ArtifactsPath, $"suggestions-1280-{scheme}-{locale}.png".ToLowerInvariant()) });

        var results = await page.RunAxe();

        Assert.True(results.Violations.Length == 0,
            string.Join("\n", results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    [GeneratedRegex(@"/related/implicit-regularization-in-deep-learning\?q=Noam\+Razin$")]
    private static partial Regex ListingSearchForRazin();
}
