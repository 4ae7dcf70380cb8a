using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using PaperListing.Web.Data;
using PaperListing.Web.Data.Engines;
using PaperListing.Web.Resilience;

namespace PaperListing.Web.Importing;

/// <summary>
/// Prepares the database and imports the seeds once at startup, off the request path, under the engine's import
/// lock: of several replicas started together over one database, one imports and the others then find it done.
/// </summary>
public sealed class SeedImportService(
    IDbContextFactory<PapersDbContext> dbFactory,
    DatabaseEngine engine,
    SeedImporter importer,
    ImportStatus status,
    Metrics.SiteMetrics metrics,
    ILogger<SeedImportService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        try
        {
            // The model and the schema's fingerprint are built before the lock: replicas waiting in turn only run SQL under it.
            string fingerprint;
            using (var db = dbFactory.CreateDbContext())
            {
                fingerprint = DatabaseSetup.Fingerprint(db, engine);
            }
            // The database going away mid-import (a restart, a failover) runs lock, check and import again once it is back.
            await using var strategyContext = await dbFactory.CreateDbContextAsync(stoppingToken);
            var attempt = 0;
            var report = await new ImportRetryStrategy(strategyContext, logger).ExecuteAsync(async cancellationToken =>
            {
                if (attempt++ > 0)
                {
                    logger.ImportingAgain(attempt);
                }
                await using (await engine.LockImportAsync(logger, cancellationToken))
                {
                    using (var db = dbFactory.CreateDbContext())
                    {
                        DatabaseSetup.Prepare(db, engine, fingerprint, logger);
                    }
                    return importer.Import(cancellationToken);
                }
            }, stoppingToken);
            status.Complete(report);
        }
        catch (RetryLimitExceededException ex)
        {
            logger.UnreachableForImport(ex.InnerException?.Message);
            status.Fail($"database unreachable: {ex.InnerException?.Message}");
        }
        catch (OperationCanceledException)
        {
            logger.StoppedByShutdown();
            metrics.ImportFailed();
            status.Fail("stopped by shutdown");
        }
        catch (NpgsqlException ex) when (ex is not PostgresException || ex.InnerException is not null)
        {
            logger.DatabaseUnreachable(ex.Message);
            metrics.ImportFailed();
            status.Fail($"database unreachable: {ex.Message}");
        }
        catch (Exception ex)
        {
            logger.ImportFailed(ex, ex.Message);
            metrics.ImportFailed();
            status.Fail(ex.Message);
        }
    }, CancellationToken.None);
}
