using PaperListing.Web.Importing;

namespace PaperListing.Web.Search.Index;

/// <summary>Builds (or opens) the search index once the startup import is done; later changes are noticed by searches.</summary>
public sealed class PaperIndexService(PaperIndex index, ImportStatus status) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await status.Done.WaitAsync(stoppingToken);
            await index.BuildAsync();
        }
        catch (OperationCanceledException)
        {
            // Stopping before the import ended.
        }
    }
}
