using Microsoft.EntityFrameworkCore;

namespace PaperListing.Web.Data;

/// <summary>
/// A row that changes, in the same transaction, with every change to the papers: replicas sharing one database read
/// this one row every few seconds to learn that another replica's import changed what they serve.
/// </summary>
public static class DataStamp
{
    public const string Key = "DataStamp";

    /// <summary>The upsert that gives the stamp a new value (@k the key, @v the value), in any engine's SQL.</summary>
    public const string BumpSql = """
        INSERT INTO "DatabaseFacts" ("Key", "Value") VALUES (@k, @v) ON CONFLICT ("Key") DO UPDATE SET "Value" = excluded."Value"
        """;

    public static string NewValue() => Guid.NewGuid().ToString("N");

    /// <summary>The current stamp, or null before the first import.</summary>
    public static Task<string?> ReadAsync(PapersDbContext db, CancellationToken cancellationToken) =>
        db.DatabaseFacts.AsNoTracking().Where(f => f.Key == Key).Select(f => f.Value).FirstOrDefaultAsync(cancellationToken);
}
