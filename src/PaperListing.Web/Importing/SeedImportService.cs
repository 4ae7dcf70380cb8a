using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Search;

namespace PaperListing.Web.Importing;

/// <summary>Prepares the database and imports the seeds once at startup, off the request path.</summary>
public sealed class SeedImportService(
    IDbContextFactory<PapersDbContext> dbFactory,
    SeedImporter importer,
    ImportStatus status,
    IPaperSearch search,
    ILogger<SeedImportService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            using (var db = dbFactory.CreateDbContext())
            {
                DatabaseSetup.Prepare(db, search, logger);
            }
            status.Complete(importer.Import(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Import stopped by shutdown; every finished file is kept, the file in progress was rolled back");
            status.Fail("stopped by shutdown");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Import failed: {Reason}", ex.Message);
            status.Fail(ex.Message);
        }
    }, CancellationToken.None);
}
