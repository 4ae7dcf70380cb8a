using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Data;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// The database saturated (every query slow, its connections all taken): requests beyond Resilience:ConcurrentRequests
/// wait in a bounded queue for at most Resilience:QueueSeconds and are then answered 503 with Retry-After, those beyond
/// the queue at once, while pages in the page cache are served without waiting.
/// </summary>
public sealed class BackpressureTests
{
    [Fact]
    public async Task SaturatedDatabase_QueuesBrieflyThenAnswers503_WhileCachedPagesAreServed()
    {
        var faults = new FaultyDatabase();
        using var site = new SiteFactory()
            .WithSeed("000_outage.txt", TestSeeds.Dump("Outage Listing", 100))
            .WithSetting("Resilience:ConcurrentRequests", "1")
            .WithSetting("Resilience:QueueLength", "1")
            .WithSetting("Resilience:QueueSeconds", "5")
            .WithSetting("RequestLimits:TimeoutSeconds", "20")
            .WithServices(s => s.ConfigureDbContext<PapersDbContext>(o => o.AddInterceptors(faults)));
        await site.ImportedAsync();
        using var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/related/outage-listing")).StatusCode);
        faults.Now = FaultyDatabase.Fault.Hang;

        // The one place is taken by a request whose query hangs; the next waits in the queue; the one after finds it full.
        var hanging = client.GetAsync("/related/outage-listing?page=2");
        await Task.Delay(1000);
        var queuedAt = Stopwatch.StartNew();
        var queued = client.GetAsync("/related/outage-listing?page=3");
        await Task.Delay(1000);
        var refusedAt = Stopwatch.StartNew();
        using var refused = await client.GetAsync("/related/outage-listing?page=4");
        var refusedAfter = refusedAt.Elapsed;
        using var cached = await client.GetAsync("/related/outage-listing");
        using var waited = await queued;
        var waitedAfter = queuedAt.Elapsed;

        Assert.False(hanging.IsCompleted, "the request whose query hangs ended early");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        // Refused at once: well before the queue's 5 s (bounds wide for a busy machine).
        Assert.True(refusedAfter < TimeSpan.FromSeconds(4), $"refused after {refusedAfter}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, waited.StatusCode);
        Assert.InRange(waitedAfter, TimeSpan.FromSeconds(4.9), TimeSpan.FromSeconds(19));
        foreach (var busy in new[] { refused, waited })
        {
            Assert.NotNull(busy.Headers.RetryAfter);
            Assert.Contains("The site is busy.", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);

        faults.Now = FaultyDatabase.Fault.None;
        using var cutOff = await hanging;
        Assert.Equal(HttpStatusCode.GatewayTimeout, cutOff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/related/outage-listing?page=3")).StatusCode);
    }
}
