using System.Diagnostics.Metrics;
using PaperListing.Web.Importing;

namespace PaperListing.Web.Metrics;

/// <summary>
/// The site's own instruments (meter "PaperListing"), beside the framework's HTTP and runtime ones: what the import
/// did, how the page cache fares, how long searches take. Recorded whether or not anything listens (then it costs
/// next to nothing); exported at /metrics when Metrics:Enabled (<see cref="MetricsSetup"/>).
/// </summary>
public sealed class SiteMetrics
{
    public const string MeterName = "PaperListing";

    private readonly Counter<long> _importRuns;
    private readonly Histogram<double> _importDuration;
    private readonly Counter<long> _entriesSkipped;
    private readonly Counter<long> _filesFailed;
    private readonly Counter<long> _pageCache;
    private readonly Histogram<double> _searchDuration;
    private volatile ImportReport? _last;

    public SiteMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("paperlisting.papers", () => Last(r => r.Papers), "{paper}", "Papers stored, as of this process's last import");
        meter.CreateObservableGauge("paperlisting.listings", () => Last(r => r.Listings), "{listing}", "Listings stored, as of this process's last import");
        _importRuns = meter.CreateCounter<long>("paperlisting.import.runs", "{run}", "Imports of the seeds folder, by outcome (done, failed)");
        _importDuration = meter.CreateHistogram("paperlisting.import.duration", "s", "How long an import of the seeds folder took",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800] });
        _entriesSkipped = meter.CreateCounter<long>("paperlisting.import.entries.skipped", "{entry}", "Seed entries skipped as unreadable");
        _filesFailed = meter.CreateCounter<long>("paperlisting.import.files.failed", "{file}", "Seed files that could not be written to the database");
        _pageCache = meter.CreateCounter<long>("paperlisting.page_cache.lookups", "{lookup}", "Page cache lookups, by result (hit, miss)");
        _searchDuration = meter.CreateHistogram("paperlisting.search.duration", "s", "How long a page of search results took to find and count",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void ImportDone(ImportReport report)
    {
        _last = report;
        _importRuns.Add(1, new KeyValuePair<string, object?>("outcome", "done"));
        _importDuration.Record(report.Seconds);
        _entriesSkipped.Add(report.EntriesSkipped);
        _filesFailed.Add(report.FilesFailed);
    }

    public void ImportFailed() => _importRuns.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));

    public void PageCacheLookup(bool hit) => _pageCache.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void SearchTook(TimeSpan elapsed) => _searchDuration.Record(elapsed.TotalSeconds);

    private IEnumerable<Measurement<long>> Last(Func<ImportReport, int> value) =>
        _last is { } report ? [new Measurement<long>(value(report))] : [];
}
