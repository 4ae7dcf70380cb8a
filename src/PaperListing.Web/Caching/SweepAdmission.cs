using System.Threading.RateLimiting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using PaperListing.Web.Metrics;
using PaperListing.Web.Protection;

namespace PaperListing.Web.Caching;

/// <summary>
/// Keeps a sweep out of the page cache. A client that has had more than <see cref="CachingOptions.SweepPagesPerMinute"/>
/// pages made for it in a minute (pages the cache did not hold) is walking the site as a crawler walks the sitemap: its
/// further pages are still made and served, but not stored, so they cannot push out the pages visitors come back to.
/// The client is recognised by what it does, not by its user agent; pages it finds already cached are served from the
/// cache as to anyone. One fixed one-minute window per client address (<see cref="ClientAddress"/>), kept by the
/// framework's partitioned limiter, which forgets idle clients.
/// </summary>
public sealed class SweepAdmission : IOutputCachePolicy, IDisposable
{
    private readonly PartitionedRateLimiter<string> _pagesMade;
    private readonly SiteMetrics _metrics;

    public SweepAdmission(IOptions<CachingOptions> options, SiteMetrics metrics)
    {
        var perMinute = options.Value.SweepPagesPerMinute;
        _metrics = metrics;
        _pagesMade = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>A page was made (not found in the cache): counted against its client, and not stored past the client's allowance.</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!context.AllowCacheStorage)
        {
            return ValueTask.CompletedTask;
        }
        using var lease = _pagesMade.AttemptAcquire(ClientAddress.Of(context.HttpContext));
        if (!lease.IsAcquired)
        {
            context.AllowCacheStorage = false;
            _metrics.SweepPageNotKept();
        }
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _pagesMade.Dispose();
}
