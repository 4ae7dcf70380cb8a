using System.Net;
using Microsoft.Extensions.Logging;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Content;

namespace PaperListing.Tests.Content;

/// <summary>Markdown beside the seeds: rendered on the About and listing pages, never able to inject markup.</summary>
public sealed class MarkdownContentTests
{
    private const string Hostile = """
        # About our lab

        We read *papers*. See [our site](https://example.org/lab) or [mail us](mailto:lab@example.org).

        <script>alert('x')</script>
        <img src=x onerror=alert(1)>
        [click](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=) and ![pic](javascript:alert(2))
        <javascript:alert(3)>
        """;

    [Fact]
    public void ToHtml_KeepsSafeMarkupAndNeutralisesTheRest()
    {
        var html = SafeMarkdown.ToHtml(Hostile);

        Assert.Contains("<h1>About our lab</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<em>papers</em>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/lab\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:lab@example.org\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("click", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AboutPage_RendersAboutMd()
    {
        using var site = new SiteFactory().WithRealSeed().WithSeed("about.md", Hostile);

        var page = await site.GetHtmlAsync("/about");

        Assert.Equal("About our lab", page.QuerySelector("main h1")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => a.GetAttribute("href")!.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AboutPage_WithoutAboutMd_IsANeutralPageAboutTheSite_AndTheHintGoesToTheLog()
    {
        using var site = new SiteFactory().WithRealSeed();
        using var client = site.CreateClient();

        var response = await client.GetAsync("/about");
        var page = await site.GetHtmlAsync("/about");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("About this site", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("/related/implicit-regularization-in-deep-learning", page.QuerySelector("main li a")!.GetAttribute("href"));
        Assert.DoesNotContain("about.md", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Single(site.Logs.Messages(LogLevel.Information), m => m.Contains("about.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListingPage_ShowsTheDescriptionBesideItsFirstSeedFile()
    {
        using var site = new SiteFactory().WithRealSeed()
            .WithSeed("000_bce9b05a2229622d.md", "Papers related to **implicit regularization**, collected by the lab.");

        var page = await site.GetHtmlAsync("/");

        Assert.Equal("implicit regularization", page.QuerySelector(".listing-description strong")!.TextContent);
    }
}
