using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace PaperListing.Web.Resilience;

/// <summary>
/// EF Core's retrying execution strategy for the startup import as a whole (the import lock, the schema check and
/// every seed file): when the database goes away mid-import, or is not up yet when the replica starts, the whole
/// operation runs again with exponential back-off for up to about a minute. Each seed file is one transaction and
/// unchanged files are skipped, so a rerun finishes what was left and doubles nothing; whichever replica takes the
/// lock first does it. The pages do not use a retrying strategy: it would buffer every query (the sitemap streams
/// every paper), and a visitor is better served by a prompt 503 (or a cached page) than by a request held through an outage.
/// </summary>
public sealed class ImportRetryStrategy(DbContext context, ILogger logger) : ExecutionStrategy(context, MaxRetries, MaxDelay)
{
    public const int MaxRetries = 15;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    protected override bool ShouldRetryOn(Exception exception) => DatabaseOutage.IsOutage(exception);

    /// <summary>The operator hears at once why the import waits, and which setting names the database.</summary>
    protected override void OnRetry()
    {
        if (ExceptionsEncountered.Count == 1)
        {
            logger.ImportRetrying(ExceptionsEncountered[0].Message);
        }
    }
}
