using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PaperListing.Web.Data;

/// <summary>
/// Read settings for each physical SQLite connection, applied once when the pool first opens it: temporary data stays
/// in memory, and pages are read into SQLite's default page cache, not through a memory map. Each connection maps the
/// file on its own, so with 32 pages made at once the same file pages counted many times over in the server's memory
/// (RSS over 300 MB); the page cache is bounded per connection, and reading pages through it cost no measurable
/// throughput.
/// </summary>
public sealed class SqliteReadTuning : DbConnectionInterceptor
{
    /// <summary>SQLite's default page cache per connection, in KiB.</summary>
    public const int CacheKib = 2000;

    /// <summary>How much of the database file may be memory-mapped: none (see above).</summary>
    public const long MmapBytes = 0;

    private readonly ConditionalWeakTable<object, object> _tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Tune(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Tune(connection);
        return Task.CompletedTask;
    }

    private void Tune(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || _tuned.TryGetValue(handle, out _))
        {
            return;
        }
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size = {MmapBytes}; PRAGMA temp_store = MEMORY;";
        command.ExecuteNonQuery();
        _tuned.AddOrUpdate(handle, handle);
    }
}
