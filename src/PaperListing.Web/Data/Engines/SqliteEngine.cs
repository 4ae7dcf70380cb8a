using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PaperListing.Web.Data.Engines;

/// <summary>The embedded engine: one SQLite file beside the site; the import lock is a lock file beside it.</summary>
public sealed class SqliteEngine(string connectionString, SchemaExtension extension, int busyTimeoutSeconds = 5) : DatabaseEngine
{
    public override string Name => "Sqlite";

    private readonly SqliteReadTuning _readTuning = new();

    // Each connection is tuned for reads once, when the pool first opens it. A page waits for a file another process
    // holds locked at most busyTimeoutSeconds (Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout),
    // then is answered 503; the import's own SQL commands keep the connection's default (30 s). A list of ids goes as
    // one parameter (read by json_each): as one parameter per id, EF would make the statement's SQL again on each call.
    public override void Configure(DbContextOptionsBuilder options) => options
        .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(busyTimeoutSeconds).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
        .AddInterceptors(_readTuning);

    public override SchemaExtension Extension => extension;

    public override Task<IAsyncDisposable> LockImportAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return SqliteImportLock.AcquireAsync(file, logger, cancellationToken);
    }

    public override IReadOnlyList<string> Tables(PapersDbContext db) => db.Database.CanConnect()
        ? db.Database.SqlQueryRaw<string>("""SELECT "name" AS "Value" FROM "sqlite_master" WHERE "type" = 'table'""").ToList()
        : [];

    public override void Drop(PapersDbContext db) => db.Database.EnsureDeleted();

    public override void Create(PapersDbContext db)
    {
        db.Database.EnsureCreated();
        // The tables kept beside those EF Core knows (the full-text index), in this engine's SQL.
        db.Database.ExecuteSqlRaw(ExtraSchema);
    }

    // WAL lets readers go on while an import writes.
    public override void AfterPrepare(PapersDbContext db) => db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
}
