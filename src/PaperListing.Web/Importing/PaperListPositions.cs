using System.Data.Common;
using PaperListing.Web.Data;

namespace PaperListing.Web.Importing;

/// <summary>
/// Numbers every author's, subject's and field's papers, newest first (undated last, then by address), into
/// PaperListEntries, so their pages are indexed ranges like a listing's. Rebuilt whole, in one transaction, whenever
/// the imported seed files differ from those it was last built for (recorded with it, so a crash between an import
/// and its rebuild is caught up at the next start). The database sorts the papers once; each list is then a sort of
/// packed whole numbers in memory (a window function over millions of rows would sort them on disk instead), written
/// in key order by the engine's bulk path.
/// </summary>
internal static class PaperListPositions
{
    private const string BuiltForKey = "PaperListsBuiltFor";

    private const string Table = "PaperListEntries";

    private static readonly string[] Columns = ["Kind", "OwnerId", "Position", "PaperId"];

    /// <summary>One kind's numbered lists, rows in key order, by the engine's bulk path (COPY on PostgreSQL).</summary>
    private static void Write(IRowWriter rows, PaperListKind kind, NumberedLists lists)
    {
        foreach (var (owner, position, paper) in lists.Rows())
        {
            rows.Add((long)kind, owner, position, paper);
        }
        rows.Flush();
    }

    /// <summary>Rebuilds the positions unless they were built for <paramref name="seedFingerprint"/>; true when rebuilt.</summary>
    public static bool Refresh(DbConnection connection, IImportTuning tuning, string seedFingerprint)
    {
        using var transaction = connection.BeginTransaction();
        using var sql = new SqlBatch(connection, transaction);
        var builtFor = sql.Column<string>("""SELECT "Value" FROM "DatabaseFacts" WHERE "Key" = @k""", ("k", BuiltForKey));
        if (builtFor.Count == 1 && builtFor[0] == seedFingerprint)
        {
            return false;
        }
        sql.ExecuteText("""DELETE FROM "PaperListEntries" """);
        var order = PaperOrder.Read(sql);
        var fieldOf = Lookup(sql, """SELECT "Id", "FieldId" FROM "Subjects" """);
        var (authors, _) = NumberedLists.Read(sql, "PaperAuthors", "AuthorId", order, null);
        Write(tuning.Rows(sql, Table, Columns), PaperListKind.Author, authors);
        // A subject's rows give its field's too: a paper's subjects may share a field (or repeat), counted once there.
        var (subjects, fields) = NumberedLists.Read(sql, "PaperSubjects", "SubjectId", order, fieldOf);
        Write(tuning.Rows(sql, Table, Columns), PaperListKind.Subject, subjects);
        Write(tuning.Rows(sql, Table, Columns), PaperListKind.Field, fields!);
        sql.Execute("""
            INSERT INTO "DatabaseFacts" ("Key", "Value") VALUES (@k, @v) ON CONFLICT ("Key") DO UPDATE SET "Value" = excluded."Value"
            """, ("k", BuiltForKey), ("v", seedFingerprint));
        // Other replicas learn that the author, subject and field lists changed (see DataChangeWatch).
        sql.Execute(Data.DataStamp.BumpSql, ("k", Data.DataStamp.Key), ("v", Data.DataStamp.NewValue()));
        transaction.Commit();
        return true;
    }

    /// <summary>A small table of id → id (a subject's field) as an array indexed by the first id; -1 where there is none.</summary>
    private static int[] Lookup(SqlBatch sql, string query)
    {
        var pairs = new List<(int Key, int Value)>();
        using (var reader = sql.Reader(query))
        {
            while (reader.Read())
            {
                pairs.Add((reader.GetInt32(0), reader.GetInt32(1)));
            }
        }
        var lookup = new int[pairs.Count == 0 ? 0 : pairs.Max(p => p.Key) + 1];
        Array.Fill(lookup, -1);
        foreach (var (key, value) in pairs)
        {
            lookup[key] = value;
        }
        return lookup;
    }
}
