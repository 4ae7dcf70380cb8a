using Microsoft.AspNetCore.OutputCaching;
using PaperListing.Web.Metrics;

namespace PaperListing.Web.Caching;

/// <summary>
/// Keeps a sweep out of the page cache. A client that has had more than <see cref="CachingOptions.SweepPagesPerMinute"/>
/// pages made for it in a minute (pages the cache did not hold) is walking the site as a crawler walks the sitemap: its
/// further pages are still made and served, but not stored, so they cannot push out the pages visitors come back to.
/// The client is recognised by what it does (<see cref="Sweepers"/>), not by its user agent; pages it finds already
/// cached are served from the cache as to anyone. Its pages in the making also get a smaller share of the places in
/// front of the database (<see cref="Resilience.DatabaseBackpressure"/>).
/// </summary>
public sealed class SweepAdmission(Sweepers sweepers, SiteMetrics metrics) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>A page was made (not found in the cache): counted against its client, and not stored past the client's allowance.</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.AllowCacheStorage && !sweepers.PageMade(context.HttpContext))
        {
            context.AllowCacheStorage = false;
            metrics.SweepPageNotKept();
        }
        return ValueTask.CompletedTask;
    }
}
