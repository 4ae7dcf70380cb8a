using System.Diagnostics.Metrics;

namespace PaperListing.Web.Metrics;

/// <summary>
/// The site's own instruments (meter "PaperListing"), beside the framework's HTTP and runtime ones: what the import
/// did, how the page cache fares, how long searches take. Recorded whether or not anything listens (then it costs
/// next to nothing); exported at /metrics when Metrics:Enabled (<see cref="MetricsSetup"/>). Depends on nothing of the
/// site: the features call it.
/// </summary>
public sealed class SiteMetrics
{
    public const string MeterName = "PaperListing";

    private readonly Counter<long> _importRuns;
    private readonly Histogram<double> _importDuration;
    private readonly Counter<long> _entriesSkipped;
    private readonly Counter<long> _filesFailed;
    private readonly Counter<long> _pageCache;
    private readonly Counter<long> _sweepPages;
    private readonly Histogram<double> _searchDuration;
    private long _papers = -1;
    private long _listings = -1;

    public SiteMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("paperlisting.papers", () => Known(Interlocked.Read(ref _papers)), "{paper}", "Papers stored, as of this process's last import");
        meter.CreateObservableGauge("paperlisting.listings", () => Known(Interlocked.Read(ref _listings)), "{listing}", "Listings stored, as of this process's last import");
        _importRuns = meter.CreateCounter<long>("paperlisting.import.runs", "{run}", "Imports of the seeds folder, by outcome (done, failed)");
        _importDuration = meter.CreateHistogram("paperlisting.import.duration", "s", "How long an import of the seeds folder took",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800] });
        _entriesSkipped = meter.CreateCounter<long>("paperlisting.import.entries.skipped", "{entry}", "Seed entries skipped as unreadable");
        _filesFailed = meter.CreateCounter<long>("paperlisting.import.files.failed", "{file}", "Seed files that could not be written to the database");
        _pageCache = meter.CreateCounter<long>("paperlisting.page_cache.lookups", "{lookup}", "Page cache lookups, by result (hit, miss)");
        _sweepPages = meter.CreateCounter<long>("paperlisting.page_cache.sweep_pages", "{page}",
            "Pages made for a client sweeping the site (more new pages a minute than Caching:SweepPagesPerMinute): served, not kept in the page cache");
        _searchDuration = meter.CreateHistogram("paperlisting.search.duration", "s", "How long a page of search results took to find and count",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void ImportDone(int papers, int listings, double seconds, int entriesSkipped, int filesFailed)
    {
        Interlocked.Exchange(ref _papers, papers);
        Interlocked.Exchange(ref _listings, listings);
        _importRuns.Add(1, new KeyValuePair<string, object?>("outcome", "done"));
        _importDuration.Record(seconds);
        _entriesSkipped.Add(entriesSkipped);
        _filesFailed.Add(filesFailed);
    }

    public void ImportFailed() => _importRuns.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));

    public void PageCacheLookup(bool hit) => _pageCache.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void SweepPageNotKept() => _sweepPages.Add(1);

    public void SearchTook(TimeSpan elapsed) => _searchDuration.Record(elapsed.TotalSeconds);

    /// <summary>Nothing before the first import (-1), so a scrape never shows a count of 0 that is not one.</summary>
    private static IEnumerable<Measurement<long>> Known(long value) => value < 0 ? [] : [new Measurement<long>(value)];
}
