using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Reliability;

/// <summary>A seed nobody checked is shown as inert text: no script runs, no hidden text direction, no giant page.</summary>
public sealed partial class HostileSeedTests(HostileSite site) : IClassFixture<HostileSite>
{
    private async Task<(AngleSharp.Html.Dom.IHtmlDocument Page, string Html)> HostileListingAsync()
    {
        await site.ImportedAsync();
        await using var db = site.CreateDb();
        var slug = db.Listings.Single(l => l.Title.Contains("Tricky")).Slug;
        using var client = site.CreateClient();
        var html = await client.GetStringAsync($"/related/{slug}");
        return (new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), html);
    }

    [Fact]
    public async Task ScriptsAndHandlersInASeed_AreShownAsText()
    {
        var (page, _) = await HostileListingAsync();

        Assert.Empty(page.QuerySelectorAll("script:not([src]), img, b, iframe, object"));
        Assert.All(page.QuerySelectorAll("script[src]"), s => Assert.StartsWith("/js/", s.GetAttribute("src"), StringComparison.Ordinal));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert('title')</script>", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var abstracts = page.QuerySelectorAll("[itemprop=abstract]").Select(e => e.TextContent).ToList();
        Assert.Contains(abstracts, a => a.StartsWith(HostileSeeds.ScriptAbstract, StringComparison.Ordinal));
        Assert.Contains("<b onmouseover=alert(4)>Eve</b>", page.QuerySelectorAll("[itemprop=author]").Select(e => e.TextContent.TrimStart(',', ' ')));
    }

    [Fact]
    public async Task BidiControlsInASeed_AreRemovedNotPassedOn()
    {
        var (page, html) = await HostileListingAsync();

        Assert.Equal(-1, html.IndexOfAny(HostileSeeds.BidiControls));
        Assert.DoesNotMatch(EncodedBidiControl(), html);
        Assert.Contains("Tricky Listing", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("[itemprop=abstract]"), e => e.TextContent.StartsWith("Bidi: evil, isolate, mark, arabic mark, embed end", StringComparison.Ordinal));
        Assert.Contains("Mallory Smith", page.QuerySelectorAll("[itemprop=author]").Select(e => e.TextContent.TrimStart(',', ' ')));
    }

    [Fact]
    public async Task ControlCharactersAndGiantLines_AreReportedWithFileAndLine()
    {
        await site.ImportedAsync();

        var warnings = site.Logs.Messages(LogLevel.Warning).Where(m => m.Contains(HostileSeeds.FileName, StringComparison.Ordinal)).ToList();

        Assert.Contains(warnings, m => m.Contains("line 5:", StringComparison.Ordinal) && m.Contains("invisible control", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("longer than", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GiantLine_IsCutSoItsPageStaysSmall()
    {
        var (page, html) = await HostileListingAsync();

        var giant = page.QuerySelectorAll("[itemprop=abstract]").Single(e => e.TextContent.StartsWith("Giant ", StringComparison.Ordinal));
        Assert.InRange(giant.TextContent.Length, 1000, 70_000);
        Assert.Contains("<script>alert('giant')</script>", giant.TextContent, StringComparison.Ordinal);
        Assert.InRange(html.Length, 1, 200_000);
    }

    [Fact]
    public async Task SeedOverTheSizeLimit_IsSkippedWithALogLine_TheOthersImport()
    {
        using var small = new SiteFactory()
            .WithSetting("Seeds:MaxFileBytes", "2000")
            .WithSeed("001_small.txt", TestSeeds.Dump("Small Listing", 2))
            .WithRealSeed();

        var report = await small.ImportedAsync();

        Assert.Equal(1, report.FilesSkipped);
        Assert.Equal(2, report.Papers);
        Assert.Contains(small.Logs.Messages(LogLevel.Warning), m => m.Contains("000_bce9b05a2229622d.txt", StringComparison.Ordinal)
            && m.Contains("over the limit of 2000", StringComparison.Ordinal) && m.Contains("Seeds:MaxFileBytes", StringComparison.Ordinal));
    }

    [GeneratedRegex("&#(x0*(202[A-E]|206[6-9]|200[EF]|61C)|0*(8234|8235|8236|8237|8238|8294|8295|8296|8297|8206|8207|1564));", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedBidiControl();
}
