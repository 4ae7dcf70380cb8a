using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Caching;
using PaperListing.Web.Resilience;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// While visitors read from the page cache, pages made for requests no browser sent for a visitor (a crawler's sweep,
/// from however many addresses) are made one at a time within their share of a core; a visitor's navigation and the
/// site's own script are never held, and out of busy times nothing is.
/// </summary>
public sealed class CrawlPageBudgetTests
{
    private const string Listing = "/related/crawl-listing";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        return await client.SendAsync(request);
    }

    /// <summary>A listing of ten pages, busy from two cache hits a second, with one more setting.</summary>
    private static async Task<SiteFactory> SiteAsync(string setting, string value)
    {
        var site = new SiteFactory()
            .WithSeed("000_crawl.txt", TestSeeds.Dump("Crawl Listing", 200))
            .WithSetting("Resilience:BusyCacheHitsPerSecond", "2")
            .WithSetting(setting, value);
        await site.ImportedAsync();
        return site;
    }

    /// <summary>Visitors reading a cached page: three hits, above the busy threshold of two a second.</summary>
    private static async Task VisitorsReadAsync(HttpClient client)
    {
        for (var i = 0; i < 3; i++)
        {
            using var hit = await GetAsync(client, Listing, ("Sec-Fetch-Mode", "navigate"));
            Assert.True(hit.Headers.Age is not null, "the visitors' page was not served from the cache");
        }
    }

    [Fact]
    public async Task WhileVisitorsRead_ACrawlersPageWaitsForItsTurn_WhileAVisitorsNavigationAndTheSitesOwnScriptDoNot()
    {
        using var site = await SiteAsync("Resilience:QueueSeconds", "1");
        using var client = site.CreateClient();
        using (var first = await GetAsync(client, Listing))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        // Another crawler's page is being made: the turn is taken, and stays taken for this test.
        var budget = site.Services.GetRequiredService<CrawlPageBudget>();
        using var held = await budget.TakeTurnAsync(CancellationToken.None);

        // Nobody is reading from the cache: nothing waits for the turn.
        using var quiet = await GetAsync(client, $"{Listing}?page=2");

        await VisitorsReadAsync(client);
        using var crawled = await GetAsync(client, $"{Listing}?page=3");
        await VisitorsReadAsync(client);
        using var navigation = await GetAsync(client, $"{Listing}?page=4", ("Sec-Fetch-Mode", "navigate"), ("Sec-Fetch-Site", "none"));
        using var script = await GetAsync(client, "/api/listings/crawl-listing/papers?page=2", ("Sec-Fetch-Mode", "cors"), ("Sec-Fetch-Site", "same-origin"));
        using var api = await GetAsync(client, "/api/listings/crawl-listing/papers?page=3");
        using var cached = await GetAsync(client, Listing);

        Assert.Equal(HttpStatusCode.OK, quiet.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, crawled.StatusCode);
        Assert.NotNull(crawled.Headers.RetryAfter?.Delta);
        Assert.Contains("The site is busy", await crawled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, navigation.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.NotNull(cached.Headers.Age);
    }

    [Fact]
    public async Task WithNoShare_ACrawlersPageIsMadeWhileTheTurnIsHeld()
    {
        using var site = await SiteAsync("Resilience:CrawlPagePercent", "100");
        using var client = site.CreateClient();
        (await GetAsync(client, Listing)).Dispose();
        using var held = await site.Services.GetRequiredService<CrawlPageBudget>().TakeTurnAsync(CancellationToken.None);

        await VisitorsReadAsync(client);
        using var crawled = await GetAsync(client, $"{Listing}?page=3");

        // CrawlPagePercent 100: no share, so the held turn holds nobody.
        Assert.Equal(HttpStatusCode.OK, crawled.StatusCode);
    }

    [Fact]
    public async Task APageThatTookT_HoldsTheNextTurnFor3T_AtAQuarter()
    {
        var time = new FakeTimeProvider();
        using var budget = new CrawlPageBudget(Options.Create(new ResilienceOptions { CrawlPagePercent = 25 }), new CacheHitFlow(time), time);

        var turn = await budget.TakeTurnAsync(CancellationToken.None);
        var waiting = budget.TakeTurnAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.False(waiting.IsCompleted, "a second turn was given while the first was held");
        turn.Dispose();
        await NextTurnComesAfterAsync(time, waiting, TimeSpan.FromMilliseconds(30));
    }

    [Fact]
    public async Task TheWaitForAPlace_DoesNotCountAsThePagesTime()
    {
        var time = new FakeTimeProvider();
        using var budget = new CrawlPageBudget(Options.Create(new ResilienceOptions { CrawlPagePercent = 25 }), new CacheHitFlow(time), time);

        var turn = await budget.TakeTurnAsync(CancellationToken.None);
        var waiting = budget.TakeTurnAsync(CancellationToken.None);
        // 100 ms waiting for a place to make the page in, then 10 ms making it: the next turn is 3 × 10 ms away, not 3 × 110 ms.
        time.Advance(TimeSpan.FromMilliseconds(100));
        turn.PageStarts();
        time.Advance(TimeSpan.FromMilliseconds(10));
        turn.Dispose();
        await NextTurnComesAfterAsync(time, waiting, TimeSpan.FromMilliseconds(30));
    }

    /// <summary>The waiting turn is not given a millisecond before <paramref name="pause"/> has passed, and is given at it.</summary>
    private static async Task NextTurnComesAfterAsync(FakeTimeProvider time, Task<CrawlPageBudget.Turn> waiting, TimeSpan pause)
    {
        time.Advance(pause - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted, "the next turn came before three times the page's time");
        time.Advance(TimeSpan.FromMilliseconds(1));
        using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AWaitThatEnds_LeavesTheTurnToTheNext()
    {
        var time = new FakeTimeProvider();
        using var budget = new CrawlPageBudget(Options.Create(new ResilienceOptions { CrawlPagePercent = 50 }), new CacheHitFlow(time), time);
        var turn = await budget.TakeTurnAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        turn.Dispose();

        using (var giveUp = new CancellationTokenSource())
        {
            var waiting = budget.TakeTurnAsync(giveUp.Token);
            await giveUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }
        var next = budget.TakeTurnAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        using var given = await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void TheHitFlow_IsTheLastWholeSecondOrThisOneIfMore_AndForgetsAQuietSecond()
    {
        var time = new FakeTimeProvider();
        var flow = new CacheHitFlow(time);
        for (var i = 0; i < 120; i++)
        {
            flow.Hit();
        }
        Assert.Equal(120, flow.PerSecond);
        time.Advance(TimeSpan.FromSeconds(1));
        flow.Hit();
        Assert.Equal(120, flow.PerSecond);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, flow.PerSecond);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, flow.PerSecond);
    }
}
