using System.Data.Common;
using PaperListing.Web.Data;

namespace PaperListing.Web.Importing.Engines;

/// <summary>
/// SQLite around a bulk import: a larger page cache, commits that wait for the checkpoint rather than fsync each
/// (WAL with synchronous=NORMAL: a crash loses at most the last commits, never consistency), and, for a first load
/// into an empty database, the indexes on random keys dropped and built once at the end from sorted data. Afterwards
/// the connection, which goes back to the pool, gets its everyday cache and its memory back.
/// </summary>
public sealed class SqliteImportTuning : IImportTuning
{
    /// <summary>In KiB (SQLite's negative cache_size): room for the indexes an import into a large database touches.</summary>
    public const int ImportCacheKib = 32 * 1024;

    /// <summary>Where a deferral is recorded, with the statements that rebuild what was dropped.</summary>
    public const string DeferredIndexesKey = DeferredSchema.Key;

    /// <summary>Indexes whose keys arrive in random order during a load: each insert would touch a random page.</summary>
    private static readonly string[] Deferrable =
        ["IX_Papers_PublicId", "IX_PaperAuthors_AuthorId_PaperId", "IX_PaperSubjects_SubjectId_PaperId"];

    public void BeforeImport(DbConnection connection)
    {
        // No memory map while writing and index sorts spilled to disk (both would count against the import's memory); checkpoints every 64 MB of WAL, not 4.
        Run(connection, null, $"PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{ImportCacheKib}; PRAGMA mmap_size = 0; PRAGMA temp_store = FILE; PRAGMA wal_autocheckpoint = 16384;");
        RestoreIndexes(connection);
    }

    public bool DeferIndexes(DbConnection connection, DbTransaction transaction)
    {
        var statements = new List<string>();
        foreach (var name in Deferrable)
        {
            using var command = Command(connection, transaction, """SELECT "sql" FROM "sqlite_master" WHERE "type" = 'index' AND "name" = @n""");
            AddParameter(command, "@n", name);
            if (command.ExecuteScalar() is string sql)
            {
                statements.Add(sql);
            }
        }
        if (statements.Count == 0)
        {
            return false;
        }
        DeferredSchema.Record(connection, transaction, statements);
        foreach (var name in Deferrable)
        {
            Run(connection, transaction, $"""DROP INDEX IF EXISTS "{name}";""");
        }
        return true;
    }

    public void RestoreIndexes(DbConnection connection) => DeferredSchema.Restore(connection);

    public void AfterImport(DbConnection connection)
    {
        if (connection.State == System.Data.ConnectionState.Open)
        {
            Run(connection, null, $"PRAGMA wal_autocheckpoint = 1000; PRAGMA wal_checkpoint(PASSIVE); PRAGMA cache_size = -{SqliteReadTuning.CacheKib}; " +
                $"PRAGMA mmap_size = {SqliteReadTuning.MmapBytes}; PRAGMA temp_store = MEMORY; PRAGMA shrink_memory; PRAGMA optimize;");
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql) =>
        DeferredSchema.Command(connection, transaction, sql);

    private static void AddParameter(DbCommand command, string name, object value) => DeferredSchema.AddParameter(command, name, value);

    private static void Run(DbConnection connection, DbTransaction? transaction, string sql) => DeferredSchema.Run(connection, transaction, sql);
}
