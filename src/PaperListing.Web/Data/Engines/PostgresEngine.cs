using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace PaperListing.Web.Data.Engines;

/// <summary>
/// PostgreSQL, shared by any number of replicas: one of them at a time prepares the schema and imports, under a
/// session-level advisory lock; a rebuild drops the site's own tables, never the database.
/// </summary>
public sealed class PostgresEngine(string connectionString, SchemaExtension extension) : DatabaseEngine
{
    public override string Name => "Postgres";

    public string ConnectionString => connectionString;

    private readonly PostgresTextParameters _textParameters = new();
    private readonly Resilience.BrokenConnections _brokenConnections = new();

    // A list of ids goes as one array parameter, as on SQLite (see there).
    public override void Configure(DbContextOptionsBuilder options) => options
        .UseNpgsql(connectionString, npgsql => npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
        .ReplaceService<IModelCustomizer, PostgresModelCustomizer>()
        .AddInterceptors(_textParameters, _brokenConnections);

    public override void ClearPool()
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        Npgsql.NpgsqlConnection.ClearPool(connection);
    }

    public override SchemaExtension Extension => extension;

    public override Task<IAsyncDisposable> LockImportAsync(ILogger logger, CancellationToken cancellationToken) =>
        PostgresImportLock.AcquireAsync(connectionString, logger, cancellationToken);

    public override IReadOnlyList<string> Tables(PapersDbContext db) => db.GetService<IRelationalDatabaseCreator>().Exists()
        ? db.Database.SqlQueryRaw<string>("""
            SELECT "table_name" AS "Value" FROM "information_schema"."tables" WHERE "table_schema" = current_schema()
            """).ToList()
        : [];

    /// <summary>Drops the model's tables and those beside them (and what depends on them) in the current schema; the database and anything else in it stay.</summary>
    public override void Drop(PapersDbContext db)
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Concat(extension.Tables).Distinct();
        db.Database.ExecuteSqlRaw(string.Concat(tables.Select(t => $"DROP TABLE IF EXISTS \"{t}\" CASCADE;\n")));
    }

    /// <summary>Creates the tables; the database exists by now (see <see cref="PostgresImportLock"/>).</summary>
    public override void Create(PapersDbContext db)
    {
        db.GetService<IRelationalDatabaseCreator>().CreateTables();
        db.Database.ExecuteSqlRaw(ExtraSchema);
    }
}
