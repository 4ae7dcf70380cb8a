using System.Data.Common;

namespace PaperListing.Web.Importing;

/// <summary>
/// Numbers every author's, subject's and field's papers, newest first (undated last, then by address), into
/// PaperListEntries, so their pages are indexed ranges like a listing's. Rebuilt whole, in one transaction, whenever
/// the imported seed files differ from those it was last built for (recorded with it, so a crash between an import
/// and its rebuild is caught up at the next start). Plain SQL with window functions: SQLite and PostgreSQL alike.
/// </summary>
internal static class PaperListPositions
{
    private const string BuiltForKey = "PaperListsBuiltFor";

    private static readonly string[] Lists =
    [
        """SELECT DISTINCT "AuthorId" AS "OwnerId", "PaperId" FROM "PaperAuthors" """,
        """SELECT DISTINCT "SubjectId" AS "OwnerId", "PaperId" FROM "PaperSubjects" """,
        """SELECT DISTINCT s."FieldId" AS "OwnerId", ps."PaperId" FROM "PaperSubjects" ps JOIN "Subjects" s ON s."Id" = ps."SubjectId" """,
    ];

    /// <summary>Rebuilds the positions unless they were built for <paramref name="seedFingerprint"/>; true when rebuilt.</summary>
    public static bool Refresh(DbConnection connection, string seedFingerprint)
    {
        using var transaction = connection.BeginTransaction();
        using var sql = new SqlBatch(connection, transaction);
        var builtFor = sql.Column<string>("""SELECT "Value" FROM "DatabaseFacts" WHERE "Key" = @k""", ("k", BuiltForKey));
        if (builtFor.Count == 1 && builtFor[0] == seedFingerprint)
        {
            return false;
        }
        sql.ExecuteText("""DELETE FROM "PaperListEntries" """);
        for (var kind = 1; kind <= Lists.Length; kind++)
        {
            sql.ExecuteText($"""
                INSERT INTO "PaperListEntries" ("Kind", "OwnerId", "Position", "PaperId")
                SELECT {kind}, l."OwnerId",
                  ROW_NUMBER() OVER (PARTITION BY l."OwnerId" ORDER BY (p."Published" IS NULL), p."Published" DESC, p."PublicId") - 1,
                  l."PaperId"
                FROM ({Lists[kind - 1]}) l JOIN "Papers" p ON p."Id" = l."PaperId"
                ORDER BY 2, 3
                """);
        }
        sql.Execute("""
            INSERT INTO "DatabaseFacts" ("Key", "Value") VALUES (@k, @v) ON CONFLICT ("Key") DO UPDATE SET "Value" = excluded."Value"
            """, ("k", BuiltForKey), ("v", seedFingerprint));
        transaction.Commit();
        return true;
    }
}
