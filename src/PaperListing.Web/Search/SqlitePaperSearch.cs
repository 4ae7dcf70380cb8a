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

    public void AddDocuments(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchDocument> documents)
    {
        if (documents.Count == 0)
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """INSERT INTO "PaperSearch" (rowid, "Abstract", "Authors", "Subjects") VALUES (@id, @a, @n, @s)""";
        var parameters = new[] { "@id", "@a", "@n", "@s" }.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        command.Prepare();
        foreach (var document in documents)
        {
            parameters[0].Value = document.PaperId;
            parameters[1].Value = document.Abstract;
            parameters[2].Value = document.Authors;
            parameters[3].Value = document.Subjects;
            command.ExecuteNonQuery();
        }
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
