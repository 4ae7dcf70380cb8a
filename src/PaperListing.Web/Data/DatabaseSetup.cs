using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data.Engines;

namespace PaperListing.Web.Data;

/// <summary>
/// The database is derived data: it is rebuilt from the seeds whenever the schema it was made with differs from the
/// code's (paper addresses come from content, so they survive). The schema's fingerprint is the hash of its DDL, on
/// each engine its own. Runs under the import lock, so one process at a time looks and rebuilds.
/// </summary>
public static class DatabaseSetup
{
    private const string SchemaKey = "SchemaFingerprint";

    public static void Prepare(PapersDbContext db, DatabaseEngine engine, string fingerprint, ILogger logger)
    {
        var tables = engine.Tables(db);
        if (StoredFingerprint(db, tables) is { } stored && stored != fingerprint)
        {
            logger.SchemaChanged(stored, fingerprint);
            engine.Drop(db);
            tables = [];
        }
        if (tables.Count == 0)
        {
            engine.Create(db);
            db.DatabaseFacts.Add(new DatabaseFact { Key = SchemaKey, Value = fingerprint });
            db.SaveChanges();
            db.ChangeTracker.Clear();
            logger.DatabaseCreated(engine.Name, fingerprint);
        }
        engine.AfterPrepare(db);
    }

    public static string Fingerprint(PapersDbContext db, DatabaseEngine engine) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(db.Database.GenerateCreateScript() + engine.ExtraSchema)))[..16];

    private static string? StoredFingerprint(PapersDbContext db, IReadOnlyList<string> tables) =>
        tables.Count == 0 ? null
        : tables.Contains(nameof(PapersDbContext.DatabaseFacts))
            ? db.DatabaseFacts.AsNoTracking().Where(f => f.Key == SchemaKey).Select(f => f.Value).FirstOrDefault() ?? "none"
            : "unknown";
}
