using Microsoft.Extensions.Options;
using PaperListing.Web.Caching;

namespace PaperListing.Web.Resilience;

/// <summary>
/// A crawler's share of the cores while visitors are reading. When the page cache serves at least
/// Resilience:BusyCacheHitsPerSecond pages a second (<see cref="CacheHitFlow"/>), a page that has to be made for a
/// request no browser sent for a visitor (neither a navigation, <c>Sec-Fetch-Mode: navigate</c>, nor the site's own
/// script, <c>Sec-Fetch-Site: same-origin</c>) waits for its turn: one such page is made at a time, and after a page
/// that took t, the next waits t × (100 − p) / p, so together they take at most Resilience:CrawlPagePercent (p) of
/// one core's time. A sweep from many addresses, which no rule per address can tell from many visitors, then runs
/// beside the visitors at that pace instead of taking the cores their cached pages need. Out of busy times, and for
/// browsers' requests, nothing waits here. The headers are a browser's hint, not a proof: a crawler that sends them
/// is not held by this share, only by the rate limits and the sweep rules.
/// </summary>
public sealed class CrawlPageBudget(IOptions<ResilienceOptions> options, CacheHitFlow flow, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private long _nextTurn;

    /// <summary>Whether this request's page, not found in the cache, waits for a crawler's turn now.</summary>
    public bool Applies(HttpContext context) =>
        options.Value.CrawlPagePercent < 100
        && !IsBrowsersOwn(context.Request)
        && flow.PerSecond >= options.Value.BusyCacheHitsPerSecond;

    /// <summary>A visitor's navigation, or a request the site's own pages made (a suggestion, a citation copied).</summary>
    public static bool IsBrowsersOwn(HttpRequest request) =>
        string.Equals(request.Headers["Sec-Fetch-Mode"], "navigate", StringComparison.OrdinalIgnoreCase)
        || string.Equals(request.Headers["Sec-Fetch-Site"], "same-origin", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Waits for the turn (throws when <paramref name="wait"/> ends first); dispose the turn when the page is made. The
    /// page's time counts from <see cref="Turn.PageStarts"/> when it is called (after the wait for a place to make it
    /// in, which is not the page's cost), else from the turn.
    /// </summary>
    public async Task<Turn> TakeTurnAsync(CancellationToken wait)
    {
        await _turn.WaitAsync(wait);
        try
        {
            var pause = time.GetElapsedTime(time.GetTimestamp(), Volatile.Read(ref _nextTurn));
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, time, wait);
            }
        }
        catch
        {
            _turn.Release();
            throw;
        }
        return new Turn(this, time.GetTimestamp());
    }

    public void Dispose() => _turn.Dispose();

    private long Now() => time.GetTimestamp();

    private void Done(long started)
    {
        var now = time.GetTimestamp();
        var percent = options.Value.CrawlPagePercent;
        Volatile.Write(ref _nextTurn, now + (now - started) * (100 - percent) / percent);
        _turn.Release();
    }

    /// <summary>A crawler's turn, held while its page is made.</summary>
    public sealed class Turn(CrawlPageBudget budget, long started) : IDisposable
    {
        private long _started = started;
        private int _done;

        /// <summary>The page starts being made now: the time before (waiting for a place) does not count as its cost.</summary>
        public void PageStarts() => Volatile.Write(ref _started, budget.Now());

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                budget.Done(Volatile.Read(ref _started));
            }
        }
    }
}
