using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaperListing.Web.Data;
using PaperListing.Web.Importing;

namespace PaperListing.Web.Caching;

/// <summary>
/// Replicas over one database: every few seconds (Caching:DataPollSeconds) each reads the data stamp, one row that
/// every import transaction rewrites; when it moved, another replica changed the papers, and this one refreshes
/// what it keeps in memory and evicts its cached pages. A replica thus serves pages at most that long older than
/// the data it can see. Starts after this process's own import; a database out of reach only delays the next look.
/// </summary>
public sealed class DataChangeWatch(
    IDbContextFactory<PapersDbContext> dbFactory,
    ImportStatus status,
    PapersRefresh refresh,
    IOptions<CachingOptions> options,
    ILogger<DataChangeWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await status.Done.WaitAsync(stoppingToken);
            // Null until the first look, which takes the stamp as this process's own import left it.
            string? seen = null;
            var failing = false;
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DataPollSeconds));
            do
            {
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                    var stamp = await DataStamp.ReadAsync(db, stoppingToken) ?? "";
                    if (seen is not null && stamp != seen)
                    {
                        await refresh.RefreshAsync(db, stoppingToken);
                    }
                    seen = stamp;
                    failing = false;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    if (!failing)
                    {
                        logger.ChangeCheckFailed(ex.Message);
                    }
                    failing = true;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
