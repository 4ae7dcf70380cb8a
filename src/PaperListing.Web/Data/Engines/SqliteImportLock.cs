namespace PaperListing.Web.Data.Engines;

/// <summary>
/// An exclusive lock on a file beside the SQLite database ("papers.db.import-lock"), held while one process prepares
/// and imports: two processes started over the same file import one after the other. The operating system lets go
/// of it when the process ends, however it ends.
/// </summary>
internal sealed class SqliteImportLock(FileStream? file) : IAsyncDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(200);

    public static async Task<IAsyncDisposable> AcquireAsync(string databaseFile, ILogger logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(databaseFile) || databaseFile == ":memory:" || !Path.IsPathRooted(databaseFile))
        {
            // An in-memory or shared-cache database belongs to this process alone.
            return new SqliteImportLock(null);
        }
        var path = databaseFile + ".import-lock";
        var waiting = false;
        while (true)
        {
            try
            {
                return new SqliteImportLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                if (!waiting)
                {
                    waiting = true;
                    logger.WaitingForProcess(databaseFile);
                }
                await Task.Delay(Retry, cancellationToken);
            }
            catch (UnauthorizedAccessException)
            {
                // A folder the site may not write to: the database itself then says what it can and cannot do.
                logger.NoImportLock(databaseFile);
                return new SqliteImportLock(null);
            }
        }
    }

    public ValueTask DisposeAsync() => file?.DisposeAsync() ?? ValueTask.CompletedTask;
}
