using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PaperListing.Tests.Browser;

/// <summary>axe finds no accessibility violations on the pages a visitor meets.</summary>
public sealed class AccessibilityTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/related/a-long-listing?page=3")]
    [InlineData("/?page=99")]
    [InlineData("/about")]
    [InlineData("/?culture=ja")]
    [InlineData("/?page=abc&culture=ja")]
    [InlineData("/about?culture=ja")]
    [InlineData("/papers/qebznk55xr/we-argue-that-the-optimization-plays-a-crucial-role-in")]
    [InlineData("/authors/nadav-cohen")]
    [InlineData("/subjects/machine-learning-in-statistics")]
    [InlineData("/subjects/computer-science?culture=ja")]
    [InlineData("/search")]
    [InlineData("/search?q=deep+learning")]
    [InlineData("/search?q=tensor&culture=ja")]
    [InlineData("/related/a-long-listing?q=fresh&sort=oldest&page=2")]
    [InlineData("/?q=regularization&from=2019&culture=ja")]
    [InlineData("/search?q=%2A%2A%2A")]
    [InlineData("/related/a-hundred-pages?page=50")]
    [InlineData("/related/math-in-abstracts")]
    [InlineData("/related/math-in-abstracts?q=sqrt&culture=ja")]
    [InlineData("/papers/phw8d2rgaj")]
    [InlineData("/list?p=qebznk55xr&p=zzzzzzzzzz&p=kzxjda4djx&title=Thursday&note=Sections%202%20and%203")]
    [InlineData("/list?p=qebznk55xr&p=kzxjda4djx&culture=ja")]
    [InlineData("/list")]
    [InlineData("/list?p=not-an-id")]
    public async Task Page_HasNoAxeViolations(string url) => await NoViolationsAsync(url, 1280, ColorScheme.Light);

    [Theory]
    [InlineData("/", 360)]
    [InlineData("/", 1280)]
    [InlineData("/related/a-hundred-pages?page=50&culture=ja", 360)]
    [InlineData("/related/a-hundred-pages?page=50", 1280)]
    [InlineData("/related/math-in-abstracts", 360)]
    [InlineData("/papers/phw8d2rgaj?culture=ja", 360)]
    [InlineData("/authors/shared-author?page=2", 1280)]
    public async Task Page_InTheDarkTheme_HasNoAxeViolations(string url, int width) => await NoViolationsAsync(url, width, ColorScheme.Dark);

    private async Task NoViolationsAsync(string url, int width, ColorScheme scheme)
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync(width, 900, scheme);
        await page.GotoAsync(url);
        var results = await page.RunAxe();

        Assert.True(results.Violations.Length == 0,
            string.Join("\n", results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
