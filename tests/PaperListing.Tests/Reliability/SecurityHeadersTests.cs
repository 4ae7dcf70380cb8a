using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Reliability;

/// <summary>Every response tells the browser to run nothing the site did not send: pages, error pages, static files, health.</summary>
public sealed partial class SecurityHeadersTests(HostileSite site) : IClassFixture<HostileSite>
{
    private static void AssertDefences(HttpResponseMessage response, string url)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
            : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content) : "";
        var csp = Header("Content-Security-Policy");
        Assert.True(csp.Contains("default-src 'self'", StringComparison.Ordinal), $"{url}: CSP is \"{csp}\"");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), $"{url}: a Server header");
    }

    [Fact]
    public async Task EveryRoute_AndEveryKindOfRefusal_CarriesTheSecurityHeaders()
    {
        var addresses = await site.AddressesAsync();
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var urls = addresses.Values.Concat(["/css/site.css", "/healthz", "/no/such/page", "/?page=abc", "/?q=" + new string('x', 3000)]);

        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            AssertDefences(response, url);
        }
        using var refused = await client.PostAsync("/", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.StatusCode);
        AssertDefences(refused, "POST /");
    }

    [Fact]
    public async Task FailingDatabase_ShowsAFriendlyErrorPageWithTheHeadersAndNoStackTrace()
    {
        var faults = new FaultyDatabase();
        using var failing = new SiteFactory().WithRealSeed()
            .WithServices(s => s.ConfigureDbContext<PaperListing.Web.Data.PapersDbContext>(o => o.AddInterceptors(faults)));
        await failing.ImportedAsync();
        faults.Now = FaultyDatabase.Fault.Fail;
        using var client = failing.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertDefences(response, "/ with a failing database");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("disk I/O", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPage_HasNoInlineScriptOrStyle_SoThePolicyNeedsNoUnsafeInline()
    {
        var addresses = await site.AddressesAsync();
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var parser = new HtmlParser();

        foreach (var url in addresses.Values)
        {
            using var response = await client.GetAsync(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var page = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.Empty(page.QuerySelectorAll("script:not([src]), style, [style]"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => JavascriptUrl().IsMatch(a.GetAttribute("href")!));
        }
    }

    [Fact]
    public async Task Https_AddsStrictTransportSecurity_PlainHttpDoesNot()
    {
        using var https = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://papers.example/") });
        using var http = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://papers.example/") });

        using var secure = await https.GetAsync("/");
        using var plain = await http.GetAsync("/");

        Assert.Contains("max-age=31536000", string.Join(",", secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("https://papers.example/", true)]
    [InlineData("http://papers.example/", false)]
    public async Task Cookies_AreLaxAndHttpOnly_AndSecureOverHttps(string address, bool https)
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), HandleCookies = false });

        using var response = await client.GetAsync("/?culture=ja");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie")).ToLowerInvariant();
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Equal(https, cookie.Contains("secure", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptUrl();
}
