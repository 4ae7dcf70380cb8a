using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PaperListing.Web.Data;
using PaperListing.Web.Data.Engines;
using PaperListing.Web.Importing;

namespace PaperListing.Web.Resilience;

/// <summary>
/// Whether this replica can read its database, for a load balancer to prefer one that can: each check reads the data
/// stamp (one row) with a short timeout (Resilience:PingTimeoutSeconds). It turns Unhealthy only once every ping has
/// failed for Resilience:UnhealthyAfterSeconds and at least twice, so one failed query does not flap it, and Healthy
/// again at the first ping that succeeds. A failed ping also clears the connection pool of its broken connections.
/// </summary>
public sealed class DatabaseHealthCheck(
    IDbContextFactory<PapersDbContext> dbFactory,
    DatabaseEngine engine,
    ImportStatus import,
    IOptions<ResilienceOptions> options,
    TimeProvider time,
    ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    private readonly Lock _gate = new();
    private long? _failingSince;
    private int _failures;
    private bool _reported;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!import.Done.IsCompleted)
        {
            // The import's own check reports this time; the database is in use by it.
            return HealthCheckResult.Healthy("importing");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.PingTimeoutSeconds));
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(timeout.Token);
            db.Database.SetCommandTimeout(options.Value.PingTimeoutSeconds);
            await DataStamp.ReadAsync(db, timeout.Token);
            return Succeeded();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (ex is OperationCanceledException || DatabaseOutage.IsOutage(ex))
            {
                engine.ClearPool();
            }
            return Failed(ex is OperationCanceledException ? $"no answer in {options.Value.PingTimeoutSeconds} s" : ex.Message);
        }
    }

    private HealthCheckResult Succeeded()
    {
        lock (_gate)
        {
            if (_reported && _failingSince is { } since)
            {
                logger.DatabaseBack(Elapsed(since).TotalSeconds);
            }
            _failingSince = null;
            _failures = 0;
            _reported = false;
        }
        return HealthCheckResult.Healthy();
    }

    private HealthCheckResult Failed(string reason)
    {
        lock (_gate)
        {
            _failingSince ??= time.GetTimestamp();
            _failures++;
            var failing = Elapsed(_failingSince.Value);
            if (_failures >= 2 && failing >= TimeSpan.FromSeconds(options.Value.UnhealthyAfterSeconds))
            {
                if (!_reported)
                {
                    _reported = true;
                    logger.DatabaseSilent(failing.TotalSeconds, reason);
                }
                return HealthCheckResult.Unhealthy($"database unreachable for {failing.TotalSeconds:0} s: {reason}");
            }
            return HealthCheckResult.Healthy($"database did not answer {_failures} time(s): {reason}");
        }
    }

    private TimeSpan Elapsed(long since) => time.GetElapsedTime(since);
}
