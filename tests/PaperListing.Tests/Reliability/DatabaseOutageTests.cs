using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Data;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// The database out of reach (a PostgreSQL server gone, a SQLite file locked): pages in the page cache are still
/// served, with their ETag and Age; any other page is a friendly 503 with Retry-After in the visitor's language
/// (problem details under /api), never a 500; /healthz turns unhealthy only after repeated failures; and everything
/// is served fresh again as soon as the database answers, without a restart.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const string Listing = "/related/outage-listing";

    private static SiteFactory Site(FaultyDatabase faults) => new SiteFactory()
        .WithSeed("000_outage.txt", TestSeeds.Dump("Outage Listing", 100))
        .WithSetting("Resilience:RetryAfterSeconds", "7")
        .WithServices(s => s.ConfigureDbContext<PapersDbContext>(o => o.AddInterceptors(faults)));

    [Fact]
    public async Task CachedPage_IsServedWithItsETagAndAge_AndAnUncachedOneIsAFriendly503_UntilTheDatabaseIsBack()
    {
        var faults = new FaultyDatabase();
        using var site = Site(faults);
        await site.ImportedAsync();
        using var client = site.CreateClient();
        using var before = await client.GetAsync(Listing);
        var page = await before.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        faults.Now = FaultyDatabase.Fault.Unreachable;
        await Task.Delay(1100); // so the cached copy is at least a second old

        using var cached = await client.GetAsync(Listing);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(page, await cached.Content.ReadAsStringAsync());
        Assert.Equal(before.Headers.ETag, cached.Headers.ETag);
        Assert.NotNull(cached.Headers.Age);
        Assert.True(cached.Headers.Age >= TimeSpan.FromSeconds(1), $"Age {cached.Headers.Age}");

        using var uncached = await client.GetAsync(Listing + "?page=2");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, uncached.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), uncached.Headers.RetryAfter?.Delta);
        var html = await uncached.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Back in a moment</h1>", html, StringComparison.Ordinal);
        Assert.Contains("The papers cannot be read right now.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("database is locked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to connect", html, StringComparison.Ordinal);

        using var japanese = await client.GetAsync(Listing + "?page=3&culture=ja");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, japanese.StatusCode);
        Assert.Contains("<h1>まもなく戻ります</h1>", await japanese.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        faults.Now = FaultyDatabase.Fault.None;
        using var back = await client.GetAsync(Listing + "?page=2");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Contains("Paper 21 studies", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_AnswersTheOutageAsProblemDetailsWithRetryAfter()
    {
        var faults = new FaultyDatabase();
        using var site = Site(faults);
        await site.ImportedAsync();
        using var client = site.CreateClient();
        faults.Now = FaultyDatabase.Fault.Unreachable;

        using var response = await client.GetAsync("/api/listings/outage-listing/papers?page=2");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("The papers cannot be read right now. Please try again in a few seconds.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_StaysHealthyThroughOneFailedPing_TurnsUnhealthyWhenTheOutageLasts_AndRecoversAtOnce()
    {
        var faults = new FaultyDatabase();
        using var site = Site(faults).WithSetting("Resilience:UnhealthyAfterSeconds", "1").WithSetting("Resilience:PingTimeoutSeconds", "1");
        await site.ImportedAsync();
        using var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        // One failed ping, then the database answers again: no flap.
        faults.Now = FaultyDatabase.Fault.Unreachable;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        faults.Now = FaultyDatabase.Fault.None;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        // An outage: still healthy at the first failures, unhealthy once it has lasted a second.
        faults.Now = FaultyDatabase.Fault.Unreachable;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        await Task.Delay(1100);
        using var down = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync());
        Assert.Contains(site.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Warning),
            m => m.Contains("The database has not answered for", StringComparison.Ordinal));

        faults.Now = FaultyDatabase.Fault.None;
        using var up = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Equal("Healthy", await up.Content.ReadAsStringAsync());
    }
}
