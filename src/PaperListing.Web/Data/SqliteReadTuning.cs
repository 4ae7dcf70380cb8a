using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PaperListing.Web.Data;

/// <summary>
/// Read settings for each physical SQLite connection, applied once when the pool first opens it: pages are read
/// through a memory map (no copy per read) and temporary data stays in memory. The page cache stays at SQLite's
/// default, since every pooled connection has its own and the memory map already shares the file between them.
/// </summary>
public sealed class SqliteReadTuning : DbConnectionInterceptor
{
    /// <summary>SQLite's default page cache per connection, in KiB.</summary>
    public const int CacheKib = 2000;

    /// <summary>How much of the database file may be memory-mapped.</summary>
    public const long MmapBytes = 64L << 20;

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
