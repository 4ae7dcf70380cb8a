using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PaperListing.Web.Protection;

namespace PaperListing.Web.Caching;

/// <summary>
/// Who is sweeping the site: the pages made for each client (pages the cache did not hold) in the current minute,
/// against <see cref="CachingOptions.SweepPagesPerMinute"/>. One instance, shared by the page cache's admission
/// (<see cref="SweepAdmission"/>, which the output cache makes itself) and the database backpressure. One fixed
/// one-minute window per client address (<see cref="ClientAddress"/>), kept by the framework's partitioned limiter,
/// which forgets idle clients.
/// </summary>
public sealed class Sweepers(IOptions<CachingOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _pagesMade = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SweepPagesPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Counts a page made for the client; false once it is past its allowance (sweeping).</summary>
    public bool PageMade(HttpContext context)
    {
        using var lease = _pagesMade.AttemptAcquire(ClientAddress.Of(context));
        return lease.IsAcquired;
    }

    /// <summary>Whether the client has spent this minute's allowance: its next pages are a sweep's.</summary>
    public bool IsSweeping(HttpContext context) => _pagesMade.GetStatistics(ClientAddress.Of(context)) is { CurrentAvailablePermits: 0 };

    public void Dispose() => _pagesMade.Dispose();
}
