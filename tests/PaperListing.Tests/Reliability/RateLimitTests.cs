using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Reliability;

/// <summary>A flood from one address is refused with 429, per kind of request, while everyone else is served.</summary>
public sealed class RateLimitTests
{
    private static async Task<SiteFactory> SiteAsync(int pages = 1000, int search = 1000, int api = 1000, int exports = 1000)
    {
        var site = new SiteFactory().WithRealSeed()
            .WithSetting("RateLimits:PagesPerMinute", pages.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("RateLimits:SearchPerMinute", search.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("RateLimits:ApiPerMinute", api.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("RateLimits:ExportsPerMinute", exports.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithServices(s => s.AddSingleton<IStartupFilter, ClientFromHeader>());
        await site.ImportedAsync();
        return site;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string from = "203.0.113.7")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(ClientFromHeader.Header, from);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Pages_BeyondTheLimit_Answer429WithRetryAfterAndAFriendlyPage()
    {
        using var site = await SiteAsync(pages: 3);
        using var client = site.CreateClient();

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await GetAsync(client, "/")).StatusCode);
        }
        using var refused = await GetAsync(client, "/");

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(retryAfter, 1, 20);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Too many requests</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Please wait", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_BeyondTheLimit_AnswersAJsonProblem()
    {
        using var site = await SiteAsync(api: 1);
        using var client = site.CreateClient();

        await GetAsync(client, "/api/papers");
        using var refused = await GetAsync(client, "/api/papers");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Too many requests", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search?q=implicit")]
    [InlineData("/api/papers")]
    [InlineData("/papers/abc.bib")]
    [InlineData("/papers/abc.ris")]
    [InlineData("/related/x/feed.atom")]
    public async Task TighterKinds_AreCountedApartFromPages(string url)
    {
        using var site = await SiteAsync(search: 1, api: 1, exports: 1);
        using var client = site.CreateClient();

        await GetAsync(client, url);
        using var refused = await GetAsync(client, url);
        using var page = await GetAsync(client, "/");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task OneFloodingAddress_DoesNotStopAnother()
    {
        using var site = await SiteAsync(pages: 2);
        using var client = site.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await GetAsync(client, "/", from: "198.51.100.1");
        }

        using var flooder = await GetAsync(client, "/", from: "198.51.100.1");
        using var neighbour = await GetAsync(client, "/", from: "198.51.100.2");

        Assert.Equal(HttpStatusCode.TooManyRequests, flooder.StatusCode);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    [Fact]
    public async Task Ipv6Host_HoppingAddressesInsideIts64_SharesOneLimit()
    {
        using var site = await SiteAsync(pages: 2);
        using var client = site.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            statuses.Add((await GetAsync(client, "/", from: $"2001:db8:aa:bb::{i}")).StatusCode);
        }

        using var nextBlock = await GetAsync(client, "/", from: "2001:db8:aa:bc::1");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, nextBlock.StatusCode);
    }

    [Fact]
    public async Task HealthChecks_AreNeverLimited()
    {
        using var site = await SiteAsync(pages: 1);
        using var client = site.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await GetAsync(client, "/healthz")).StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task ARefusalsErrorPage_IsNotCountedAsASecondRequest()
    {
        using var site = await SiteAsync(pages: 1);
        using var client = site.CreateClient();

        using var missing = await GetAsync(client, "/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RateLimits:PagesPerMinute", "0")]
    [InlineData("RateLimits:SearchPerMinute", "-5")]
    [InlineData("RequestLimits:MaxQueryLength", "3")]
    [InlineData("RequestLimits:TimeoutSeconds", "0")]
    public void BadLimitSetting_StopsTheSiteAtStartupNamingIt(string key, string value)
    {
        var error = SiteFactory.StartupError(() => new SiteFactory().WithSetting(key, value));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
