using Microsoft.AspNetCore.OutputCaching;
using PaperListing.Web.Metrics;

namespace PaperListing.Web.Caching;

/// <summary>Counts the page cache's hits (a stored page served) and misses (a page made), for the metrics and the <see cref="CacheHitFlow"/>.</summary>
public sealed class PageCacheCounting(SiteMetrics metrics, CacheHitFlow flow) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        metrics.PageCacheLookup(hit: true);
        flow.Hit();
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.AllowCacheLookup)
        {
            metrics.PageCacheLookup(hit: false);
        }
        return ValueTask.CompletedTask;
    }
}
