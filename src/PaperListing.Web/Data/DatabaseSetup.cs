using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Search;

namespace PaperListing.Web.Data;

/// <summary>
/// The database is derived data: it is rebuilt from the seeds whenever the schema it was made with differs from the
/// code's (paper addresses come from content, so they survive). The schema's fingerprint is the hash of its DDL.
/// </summary>
public static class DatabaseSetup
{
    private const string SchemaKey = "SchemaFingerprint";

    public static void Prepare(PapersDbContext db, IPaperSearch search, ILogger logger)
    {
        var schema = db.Database.GenerateCreateScript() + search.IndexSchemaSql;
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema)))[..16];
        if (StoredFingerprint(db) is { } stored && stored != fingerprint)
        {
            logger.LogWarning("Database schema {Stored} differs from {Current}: rebuilding it from the seeds", stored, fingerprint);
            db.Database.EnsureDeleted();
        }
        if (db.Database.EnsureCreated())
        {
            // The full-text index is the engine's own, beside the tables EF Core knows.
            db.Database.ExecuteSqlRaw(search.IndexSchemaSql);
            db.DatabaseFacts.Add(new DatabaseFact { Key = SchemaKey, Value = fingerprint });
            db.SaveChanges();
            logger.LogInformation("Database created (schema {Schema})", fingerprint);
        }
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while an import writes.
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
    }

    private static string? StoredFingerprint(PapersDbContext db)
    {
        if (!db.Database.CanConnect())
        {
            return null;
        }
        var tables = db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToList();
        if (tables.Count == 0)
        {
            return null;
        }
        return tables.Contains(nameof(PapersDbContext.DatabaseFacts))
            ? db.DatabaseFacts.AsNoTracking().Where(f => f.Key == SchemaKey).Select(f => f.Value).FirstOrDefault() ?? "none"
            : "unknown";
    }
}
