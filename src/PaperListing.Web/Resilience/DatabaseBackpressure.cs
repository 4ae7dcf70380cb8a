using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PaperListing.Web.Caching;
using PaperListing.Web.Protection;

namespace PaperListing.Web.Resilience;

/// <summary>
/// Backpressure in front of the database: at most Resilience:ConcurrentRequests requests make pages at once (a
/// <see cref="ConcurrencyLimiter"/>), up to Resilience:QueueLength more wait in order for at most
/// Resilience:QueueSeconds, and the rest are answered 503 with Retry-After at once. So when the database is slow or
/// its connections are all taken, requests neither pile up in the connection pool until they time out nor hold
/// memory without bound. It sits behind the page cache: cached pages never wait here. A client sweeping the site
/// (<see cref="Sweepers"/>) has its pages made in at most half the places, so visitors' new pages find one free; while
/// visitors are reading from the cache, a page no browser asked for waits for a crawler's turn (<see cref="CrawlPageBudget"/>).
/// </summary>
public sealed class DatabaseBackpressure(RequestDelegate next, IOptions<ResilienceOptions> options, Sweepers sweeps, CrawlPageBudget crawlers, ILogger<DatabaseBackpressure> logger) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.ConcurrentRequests,
        QueueLimit = options.Value.QueueLength,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private readonly ConcurrencyLimiter _sweeping = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = SweepPlaces(options.Value.ConcurrentRequests),
        QueueLimit = options.Value.QueueLength,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private long _refused;

    /// <summary>The places sweeps may hold at once: half, at least one.</summary>
    public static int SweepPlaces(int places) => Math.Max(1, places / 2);

    public async Task InvokeAsync(HttpContext context)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        wait.CancelAfter(TimeSpan.FromSeconds(options.Value.QueueSeconds));
        RateLimitLease? sweepLease = null;
        CrawlPageBudget.Turn? crawlTurn = null;
        RateLimitLease lease = FailedLease.Instance;
        try
        {
            // A sweep first waits for one of its own places, a page no browser asked for while visitors are reading
            // for a crawler's turn, then, like anyone, for a place at all.
            if (sweeps.IsSweeping(context))
            {
                sweepLease = await _sweeping.AcquireAsync(1, wait.Token);
            }
            if (sweepLease is null || sweepLease.IsAcquired)
            {
                if (crawlers.Applies(context))
                {
                    crawlTurn = await crawlers.TakeTurnAsync(wait.Token);
                }
                lease = await _limiter.AcquireAsync(1, wait.Token);
            }
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
        }
        using (sweepLease)
        using (crawlTurn)
        using (lease)
        {
            if (lease.IsAcquired)
            {
                crawlTurn?.PageStarts();
                await next(context);
                return;
            }
        }
        if (Interlocked.Increment(ref _refused) % 1000 == 1)
        {
            logger.Busy(options.Value.ConcurrentRequests, options.Value.QueueLength, Interlocked.Read(ref _refused));
        }
        context.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Refusal.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "The site is busy. Please try again in a few seconds.");
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _sweeping.Dispose();
    }

    /// <summary>A lease not granted: the wait for a place ran out.</summary>
    private sealed class FailedLease : RateLimitLease
    {
        public static readonly FailedLease Instance = new();
        public override bool IsAcquired => false;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
