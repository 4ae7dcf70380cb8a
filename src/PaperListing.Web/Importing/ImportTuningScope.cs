using System.Data;
using System.Data.Common;

namespace PaperListing.Web.Importing;

/// <summary>
/// Undoes the import's database tuning however the import ends; deferred indexes are built unless the app is
/// shutting down (then the next start builds them, before it reads anything).
/// </summary>
internal sealed class ImportTuningScope(IImportTuning tuning, DbConnection connection, SeedFileWriter writer,
    CancellationToken cancellationToken) : IDisposable
{
    public void Dispose()
    {
        if (connection.State != ConnectionState.Open)
        {
            // The database went away: the session's settings went with it, and the next run builds deferred indexes.
            return;
        }
        try
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                writer.Finish();
            }
        }
        finally
        {
            tuning.AfterImport(connection);
        }
    }
}
