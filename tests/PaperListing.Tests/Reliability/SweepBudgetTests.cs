using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Data;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// Visitors first while pages are being made for a sweep: a client sweeping the site has its pages made in at most
/// half the places in front of the database, so a visitor's new page still finds one, and a visitor's cached page is
/// answered from the cache however busy page making is.
/// </summary>
public sealed class SweepBudgetTests
{
    private const string Sweeper = "203.0.113.9";
    private const string Visitor = "198.51.100.20";
    private const string Listing = "/related/budget-listing";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(ClientFromHeader.Header, from);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Sweep_HoldsAtMostHalfThePlaces_WhileAVisitorsNewPageGetsOne_AndTheirCachedPageIsServed()
    {
        var faults = new FaultyDatabase();
        using var site = new SiteFactory()
            .WithSeed("000_budget.txt", TestSeeds.Dump("Budget Listing", 100))
            .WithSetting("Resilience:ConcurrentRequests", "2")
            .WithSetting("Resilience:QueueLength", "0")
            .WithSetting("Caching:SweepPagesPerMinute", "1")
            .WithSetting("RequestLimits:TimeoutSeconds", "15")
            .WithServices(s => s.AddSingleton<IStartupFilter, ClientFromHeader>())
            .WithServices(s => s.ConfigureDbContext<PapersDbContext>(o => o.AddInterceptors(faults)));
        await site.ImportedAsync();
        using var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, Listing, "192.0.2.1")).StatusCode);
        // The sweeper spends its allowance of one page a minute: its next pages are a sweep's.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"{Listing}?page=2", Sweeper)).StatusCode);
        faults.Now = FaultyDatabase.Fault.Hang;

        var sweeping = GetAsync(client, $"{Listing}?page=3", Sweeper);
        await Task.Delay(1000);
        var refusedAt = Stopwatch.StartNew();
        using var sweepRefused = await GetAsync(client, $"{Listing}?page=4", Sweeper);
        var refusedAfter = refusedAt.Elapsed;
        var visitorsNewPage = GetAsync(client, $"{Listing}?page=5", Visitor);
        await Task.Delay(1000);
        using var visitorsCachedPage = await GetAsync(client, Listing, Visitor);

        if (sweeping.IsCompleted)
        {
            using var early = await sweeping;
            Assert.Fail($"the sweep's page whose query hangs ended early: {early.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, sweepRefused.StatusCode);
        Assert.True(refusedAfter < TimeSpan.FromSeconds(4), $"the sweep's second page was refused after {refusedAfter}");
        Assert.False(visitorsNewPage.IsCompleted, "the visitor's new page found no place");
        Assert.Equal(HttpStatusCode.OK, visitorsCachedPage.StatusCode);
        Assert.NotNull(visitorsCachedPage.Headers.Age);

        // Both pages in the making had a place: they end when the request timeout cuts their hanging queries off.
        faults.Now = FaultyDatabase.Fault.None;
        using var visitorsCutOff = await visitorsNewPage;
        using var sweepCutOff = await sweeping;
        Assert.Equal(HttpStatusCode.GatewayTimeout, visitorsCutOff.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, sweepCutOff.StatusCode);
    }
}
