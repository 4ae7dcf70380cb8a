using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Browser;

/// <summary>TeX typeset on the server by the site's own KaTeX, as MathML the browser draws, with or without JavaScript and under the unchanged Content-Security-Policy; the copy buttons fill the clipboard.</summary>
public sealed class MathAndCopyInBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string MathListing = $"/related/{MathSeed.Slug}";

    /// <summary>Records every Content-Security-Policy violation the page reports, from before its first script.</summary>
    private static async Task<IPage> WatchingCspAsync(IPage page)
    {
        await page.AddInitScriptAsync("""
            window.cspViolations = [];
            document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
            """);
        return page;
    }

    private static Task<string[]> ViolationsAsync(IPage page) => page.EvaluateAsync<string[]>("window.cspViolations");

    [Theory]
    [InlineData(MathListing)]
    [InlineData($"{MathListing}?q=sqrt+rate")]
    public async Task Formulas_ArriveTypesetAsMathML_WithNoRawTeXShown_NoKaTeXScript_AndNoPolicyViolation(string url)
    {
        BrowserSite.RequireChromium();
        var page = await WatchingCspAsync(await site.NewPageAsync());
        await page.GotoAsync(url);

        var formulas = await page.Locator("span.tex").CountAsync();
        Assert.True(formulas >= 4, $"{formulas} formulas");
        Assert.Equal(formulas, await page.Locator("span.tex > .katex > math").CountAsync());
        Assert.True(await page.Locator("span.tex-display math[display=block]").CountAsync() >= 1);
        var shown = await page.Locator("span.tex > .katex").AllInnerTextsAsync();
        Assert.All(shown, text => Assert.DoesNotMatch(@"[$\{}^_]", text)); // what a visitor reads is typeset, not TeX
        Assert.Contains(shown, text => text.Contains("𝒪", StringComparison.Ordinal));
        // Drawn as mathematics: the fraction stacks C over √T, taller than a line of the text around it.
        var fraction = await page.Locator("span.tex-display mfrac").First.EvaluateAsync<double>("e => e.getBoundingClientRect().height");
        var line = await page.Locator("article.paper .abstract").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
        Assert.True(fraction > line * 1.2, $"fraction {fraction:F0} px high, line {line:F0} px");
        Assert.Empty(await page.Locator("span.tex mark").AllAsync()); // a search's marks stay outside formulas
        if (url.Contains("q=", StringComparison.Ordinal))
        {
            Assert.Contains("rate", await page.Locator("article.paper mark").AllTextContentsAsync());
        }
        await Assertions.Expect(page.Locator("article.paper").First).ToContainTextAsync("Training costs $0.02 per epoch");
        Assert.Equal(0, await page.Locator("script[src*=katex], link[href*=katex]").CountAsync());
        Assert.Empty(await ViolationsAsync(page));
    }

    [Fact]
    public async Task TheViolationWatch_SeesAnInlineStyle()
    {
        BrowserSite.RequireChromium();
        var page = await WatchingCspAsync(await site.NewPageAsync());
        await page.GotoAsync(MathListing);

        await page.EvaluateAsync("document.body.insertAdjacentHTML('beforeend', '<span style=\"color: red\">x</span>')");

        await page.WaitForFunctionAsync("window.cspViolations.length > 0");
        Assert.StartsWith("style-src", (await ViolationsAsync(page))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutJavaScript_FormulasAreTypesetAllTheSame()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync(MathListing);

        var first = page.Locator("article.paper span.tex").First;
        Assert.Equal("\\mathcal{O}(1/\\sqrt{T})", await first.Locator("annotation").TextContentAsync());
        var shown = await first.Locator(".katex").InnerTextAsync();
        Assert.StartsWith("𝒪(1/", Regex.Replace(shown, @"\s", ""), StringComparison.Ordinal);
        Assert.DoesNotContain("\\", shown, StringComparison.Ordinal);
        Assert.True(await first.Locator("msqrt").EvaluateAsync<double>("e => e.getBoundingClientRect().width") > 0);
        await Assertions.Expect(page.Locator("article.paper .actions a").First).ToHaveTextAsync("Link");
    }

    [Theory]
    [InlineData(MathListing, "article.paper")]
    [InlineData("/papers/qebznk55xr/we-argue-that-the-optimization-plays-a-crucial-role-in", ".copy-row")]
    public async Task CopyLinkAndCopyBibTeX_FillTheClipboard_AndSaySo(string url, string scope)
    {
        BrowserSite.RequireChromium();
        var page = await WatchingCspAsync(await site.NewPageAsync(permissions: ["clipboard-read", "clipboard-write"]));
        await page.GotoAsync(url);
        var within = page.Locator(scope).First;
        var paperUrl = await within.EvaluateAsync<string>("e => new URL((e.closest('article') ?? document).querySelector('h1 a, h2 a, .permalink').href).href");

        await within.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Assertions.Expect(within.GetByRole(AriaRole.Button, new() { Name = "Link copied" })).ToBeVisibleAsync();
        Assert.Equal(paperUrl, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Last).ToHaveTextAsync("Link copied");

        await within.GetByRole(AriaRole.Button, new() { Name = "Copy BibTeX" }).ClickAsync();
        await Assertions.Expect(within.GetByRole(AriaRole.Button, new() { Name = "BibTeX copied" })).ToBeVisibleAsync();
        var bibtex = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.Matches(new Regex(@"^@unpublished\{\w+\d{4}-[a-z0-9]{10},"), bibtex);
        Assert.Contains(Regex.Match(paperUrl, "/papers/([a-z0-9]+)/").Groups[1].Value, bibtex, StringComparison.Ordinal);
        Assert.Empty(await ViolationsAsync(page));
    }

    [Fact]
    public async Task ThePaperPage_SearchesOtherSitesByPlainLinks_ForItsFirstSentenceAndFirstAuthor()
    {
        BrowserSite.RequireChromium();
        var page = await site.NewPageAsync();
        var asked = new List<string>();
        page.Request += (_, request) => asked.Add(request.Url);
        await page.GotoAsync("/papers/qebznk55xr/we-argue-that-the-optimization-plays-a-crucial-role-in");

        var links = await page.Locator(".find-elsewhere a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.Equal(["https://arxiv.org/search/", "https://www.semanticscholar.org/search", "https://scholar.google.com/scholar"],
            links.Select(l => l.Split('?')[0]));
        Assert.All(links, l => Assert.Contains("Behnam%20Neyshabur", l, StringComparison.Ordinal));
        Assert.All(links, l => Assert.Contains("implicit%20regularization", l, StringComparison.Ordinal));
        Assert.All(asked, u => Assert.StartsWith(site.BaseUrl, u, StringComparison.Ordinal)); // nothing asked of other sites
    }
}
