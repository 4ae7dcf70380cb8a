using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// A client refused by the rate limit and back before its Retry-After is over gets a bare 429 with Retry-After (no
/// page made), after one friendly refusal; a client that waited as told gets the friendly one again.
/// </summary>
public sealed class RepeatRefusalTests
{
    /// <summary>A site with these limits; its repeat refusals sent at once unless a pause is given (null: the shipped one).</summary>
    private static async Task<SiteFactory> SiteAsync(int pages = 1000, int api = 1000, int? pause = 0)
    {
        var site = new SiteFactory().WithRealSeed();
        if (pause is { } seconds)
        {
            site = site.WithSetting("RateLimits:RepeatRefusalPauseSeconds", seconds.ToString(CultureInfo.InvariantCulture));
        }
        site = site
            .WithSetting("RateLimits:PagesPerMinute", pages.ToString(CultureInfo.InvariantCulture))
            .WithSetting("RateLimits:ApiPerMinute", api.ToString(CultureInfo.InvariantCulture))
            .WithServices(s => s.AddSingleton<IStartupFilter, ClientFromHeader>());
        await site.ImportedAsync();
        return site;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string from = "203.0.113.7")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(ClientFromHeader.Header, from);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task SecondRefusal_WithinItsRetryAfter_IsABare429WithRetryAfter()
    {
        using var site = await SiteAsync(pages: 1);
        using var client = site.CreateClient();
        using var allowed = await GetAsync(client, "/");

        using var first = await GetAsync(client, "/");
        using var second = await GetAsync(client, "/papers/anything");
        using var neighbour = await GetAsync(client, "/", from: "203.0.113.8");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Contains("<h1>Too many requests</h1>", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.InRange(second.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", second.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    [Fact]
    public async Task ARepeatRefusal_IsHeldASecondByDefault_SoAClientAskingAgainAtOnceAsksSlowly()
    {
        using var site = await SiteAsync(pages: 1, pause: null);
        using var client = site.CreateClient();
        await GetAsync(client, "/");
        using var first = await GetAsync(client, "/");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var second = await GetAsync(client, "/about");
        var held = clock.Elapsed;
        using var neighbour = await GetAsync(client, "/", from: "203.0.113.8");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.True(held >= TimeSpan.FromSeconds(0.9), $"the repeat refusal was sent after {held.TotalMilliseconds:F0} ms");
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    [Fact]
    public async Task ARefusedClient_StillGetsTheStylesheetAndHealth_WhileItsPagesAreRefusedBare()
    {
        using var site = await SiteAsync(pages: 1);
        using var client = site.CreateClient();
        await GetAsync(client, "/");
        using var first = await GetAsync(client, "/");

        using var stylesheet = await GetAsync(client, "/css/site.css");
        using var health = await GetAsync(client, "/healthz");
        using var again = await GetAsync(client, "/about");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Api_SecondRefusal_IsBareToo_AfterOneProblem()
    {
        using var site = await SiteAsync(api: 1);
        using var client = site.CreateClient();
        await GetAsync(client, "/api/papers");

        using var first = await GetAsync(client, "/api/papers");
        using var second = await GetAsync(client, "/api/papers");

        Assert.Equal("application/problem+json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter?.Delta);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AClientRefusedAPage_GetsTheApisFirstRefusalAsAProblem()
    {
        using var site = await SiteAsync(pages: 1, api: 1);
        using var client = site.CreateClient();
        await GetAsync(client, "/");
        await GetAsync(client, "/");
        await GetAsync(client, "/api/papers");

        using var api = await GetAsync(client, "/api/papers");

        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AClientThatWaitedItsRetryAfter_IsRefusedFriendlyAgain()
    {
        // 60 a minute: a refusal says Retry-After: 1.
        using var site = await SiteAsync(pages: 60);
        using var client = site.CreateClient();
        var statuses = new List<HttpStatusCode>();
        while (statuses.Count(s => s == HttpStatusCode.TooManyRequests) < 2 && statuses.Count < 200)
        {
            using var response = await GetAsync(client, "/about");
            statuses.Add(response.StatusCode);
        }
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        HttpResponseMessage again;
        var served = 0;
        while ((again = await GetAsync(client, "/about")).StatusCode == HttpStatusCode.OK && served < 100)
        {
            again.Dispose();
            served++;
        }
        using (again)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
            Assert.Contains("<h1>Too many requests</h1>", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
