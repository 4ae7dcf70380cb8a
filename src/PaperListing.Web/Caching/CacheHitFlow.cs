namespace PaperListing.Web.Caching;

/// <summary>
/// How many pages the page cache served in the last second (and so far in this one): the sign that visitors are
/// reading the site, whose cached pages a crawler's uncached ones must not crowd out
/// (<see cref="Resilience.CrawlPageBudget"/>). Counted by <see cref="PageCacheCounting"/>; two counters and a lock
/// taken once a second.
/// </summary>
public sealed class CacheHitFlow(TimeProvider time)
{
    private readonly Lock _roll = new();
    private long _second = long.MinValue;
    private int _current;
    private int _previous;

    public void Hit()
    {
        Roll();
        Interlocked.Increment(ref _current);
    }

    /// <summary>Pages served from the cache in the last whole second, or in this one so far if more.</summary>
    public int PerSecond
    {
        get
        {
            Roll();
            return Math.Max(Volatile.Read(ref _previous), Volatile.Read(ref _current));
        }
    }

    private void Roll()
    {
        var second = (long)(time.GetTimestamp() / (double)time.TimestampFrequency);
        if (second == Volatile.Read(ref _second))
        {
            return;
        }
        lock (_roll)
        {
            var was = _second;
            if (second == was)
            {
                return;
            }
            var last = Interlocked.Exchange(ref _current, 0);
            Volatile.Write(ref _previous, second == was + 1 ? last : 0);
            Volatile.Write(ref _second, second);
        }
    }
}
