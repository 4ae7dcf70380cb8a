using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;

namespace PaperListing.Web.Search;

/// <summary>
/// SQLite FTS5: one document per paper (rowid = paper id) with its abstract, its authors' names and its subjects'
/// and fields' names as three columns, weighted in the bm25 rank so a paper matching in several places comes first.
/// The unicode61 tokenizer with remove_diacritics 2 ignores case and accents. The table is contentless (the abstract
/// stays in Papers only) with contentless_delete, so a trigger removes a deleted paper's document by its id.
/// </summary>
public sealed class SqlitePaperSearch : IPaperSearch
{
    /// <summary>bm25 weights of the abstract, author and subject columns.</summary>
    private const string Weights = "1.0, 4.0, 2.0";

    public string IndexSchemaSql => """
        CREATE VIRTUAL TABLE "PaperSearch" USING fts5("Abstract", "Authors", "Subjects",
            content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER "Papers_LeavePaperSearch" AFTER DELETE ON "Papers"
        BEGIN
            DELETE FROM "PaperSearch" WHERE rowid = old."Id";
        END;
        """;

    /// <summary>Paper ids only grow, so the papers past the highest indexed id are exactly the ones not yet indexed.</summary>
    public void UpdateIndex(DbConnection connection, DbTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "PaperSearch" (rowid, "Abstract", "Authors", "Subjects")
            SELECT p."Id", p."Abstract",
              COALESCE((SELECT group_concat(a."Name", ' ') FROM "PaperAuthors" pa JOIN "Authors" a ON a."Id" = pa."AuthorId"
                        WHERE pa."PaperId" = p."Id"), ''),
              COALESCE((SELECT group_concat(s."Name" || ' ' || f."Name", ' ') FROM "PaperSubjects" ps
                        JOIN "Subjects" s ON s."Id" = ps."SubjectId" JOIN "Fields" f ON f."Id" = s."FieldId"
                        WHERE ps."PaperId" = p."Id"), '')
            FROM "Papers" p
            WHERE p."Id" > COALESCE((SELECT rowid FROM "PaperSearch" ORDER BY rowid DESC LIMIT 1), 0)
            ORDER BY p."Id"
            """;
        command.ExecuteNonQuery();
    }

    public IQueryable<TextMatch> Matches(PapersDbContext db, SearchPhrases phrases) => phrases.IsEmpty
        ? db.Database.SqlQueryRaw<TextMatch>("""SELECT 0 AS "PaperId", 0.0 AS "Rank" WHERE 0""")
        : db.Database.SqlQueryRaw<TextMatch>($$"""
            SELECT rowid AS "PaperId", bm25("PaperSearch", {{Weights}}) AS "Rank" FROM "PaperSearch" WHERE "PaperSearch" MATCH {0}
            """, MatchExpression(phrases));

    /// <summary>
    /// Every phrase as an FTS5 string (inner quotes doubled), joined by spaces (all must match); the text is bound
    /// as a parameter, never spliced into SQL.
    /// </summary>
    public static string MatchExpression(SearchPhrases phrases)
    {
        var text = new StringBuilder();
        foreach (var phrase in phrases.Phrases)
        {
            text.Append(text.Length == 0 ? "" : " ").Append('"').Append(string.Join(' ', phrase).Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        return text.ToString();
    }
}
