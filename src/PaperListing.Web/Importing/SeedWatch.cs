using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;
using PaperListing.Web.Data.Engines;

namespace PaperListing.Web.Importing;

/// <summary>
/// Seeds picked up live: after the startup import, the seeds folder is looked at every Seeds:WatchIntervalSeconds
/// (a poll, so it needs no inotify and works on network and container mounts); once a change has stayed still for
/// Seeds:WatchQuietSeconds (a file still being copied keeps changing), the folder is imported again under the same
/// one-importer lock, one transaction a file. Unchanged files are skipped, so of several replicas watching one folder
/// one imports and the others find it done. Pages follow through the data stamp; /healthz is untouched, since the
/// site keeps serving what it has meanwhile. Off with Seeds:Watch=false.
/// </summary>
public sealed class SeedWatch : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);
    private readonly DatabaseEngine _engine;
    private readonly SeedImporter _importer;
    private readonly ImportStatus _status;
    private readonly Metrics.SiteMetrics _metrics;
    private readonly SeedOptions _options;
    private readonly ILogger<SeedWatch> _logger;
    // Taken as the host is built, before the startup import reads the folder: a change during that import is seen.
    private SeedFolderSnapshot _imported;

    public SeedWatch(DatabaseEngine engine, SeedImporter importer, ImportStatus status, Metrics.SiteMetrics metrics,
        IOptions<SeedOptions> options, ILogger<SeedWatch> logger)
    {
        (_engine, _importer, _status, _metrics, _options, _logger) = (engine, importer, status, metrics, options.Value, logger);
        _imported = _options.Watch ? SeedFolderSnapshot.Of(_options.Path) : new SeedFolderSnapshot("");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Watch)
        {
            return;
        }
        try
        {
            await _status.Done.WaitAsync(stoppingToken);
            var seen = _imported;
            var stillSince = DateTimeOffset.UtcNow;
            var retryAt = DateTimeOffset.MinValue;
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.WatchIntervalSeconds));
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = DateTimeOffset.UtcNow;
                var current = SeedFolderSnapshot.Of(_options.Path);
                if (current != seen)
                {
                    (seen, stillSince) = (current, now);
                    continue;
                }
                if (current == _imported || !current.IsReadable || now - stillSince < TimeSpan.FromSeconds(_options.WatchQuietSeconds) || now < retryAt)
                {
                    continue;
                }
                if (await ImportAsync(stoppingToken))
                {
                    _imported = current;
                }
                else
                {
                    retryAt = now + RetryAfterFailure;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task<bool> ImportAsync(CancellationToken stoppingToken)
    {
        _logger.SeedsChanged(_options.Path);
        try
        {
            await using (await _engine.LockImportAsync(_logger, stoppingToken))
            {
                await Task.Run(() => _importer.Import(stoppingToken), stoppingToken);
            }
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _metrics.ImportFailed();
            _logger.ReimportFailed(RetryAfterFailure.TotalSeconds, ex.Message);
            return false;
        }
    }
}
