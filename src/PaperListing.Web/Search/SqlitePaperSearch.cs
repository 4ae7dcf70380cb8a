using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;

namespace PaperListing.Web.Search;

/// <summary>
/// SQLite FTS5: one document per paper (rowid = paper id) with its abstract, its authors' names and its subjects'
/// and fields' names as three columns, and the English stems of the same three (<see cref="WordStems"/>) as three
/// more, weighted in the bm25 rank so a paper matching in several places comes first. A paper is found by the stems
/// of every phrase (the last word also as the start of a longer word, in the text itself); papers holding every word
/// as typed come before those found only through stems or a word's start. The unicode61 tokenizer with
/// remove_diacritics 2 ignores case and accents. The table is contentless (the abstract stays in Papers only) with
/// contentless_delete, so a trigger removes a deleted paper's document by its id.
/// </summary>
public sealed class SqlitePaperSearch : IPaperSearch
{
    /// <summary>bm25 weights of the abstract, author and subject columns, then of their stems.</summary>
    private const string Weights = "1.0, 4.0, 2.0, 1.0, 4.0, 2.0";

    private const string TextColumns = "{Abstract Authors Subjects}";
    private const string StemColumns = "{AbstractStems AuthorStems SubjectStems}";

    /// <summary>Added to the rank of a paper that does not hold every word as typed, so that it comes after every paper that does.</summary>
    private const string StemOnlyPenalty = "1000000.0";

    public string IndexSchemaSql => """
        CREATE VIRTUAL TABLE "PaperSearch" USING fts5("Abstract", "Authors", "Subjects", "AbstractStems", "AuthorStems", "SubjectStems",
            content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER "Papers_LeavePaperSearch" AFTER DELETE ON "Papers"
        BEGIN
            DELETE FROM "PaperSearch" WHERE rowid = old."Id";
        END;
        CREATE TABLE "SearchTerms" ("Term" TEXT NOT NULL PRIMARY KEY, "Papers" INTEGER NOT NULL) WITHOUT ROWID;
        """;

    public void AddDocuments(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchDocument> documents)
    {
        if (documents.Count == 0)
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "PaperSearch" (rowid, "Abstract", "Authors", "Subjects", "AbstractStems", "AuthorStems", "SubjectStems")
            VALUES (@id, @a, @n, @s, @as, @ns, @ss)
            """;
        var parameters = new[] { "@id", "@a", "@n", "@s", "@as", "@ns", "@ss" }.Select(name =>
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
            var terms = document.Terms;
            parameters[4].Value = terms.AbstractStems;
            parameters[5].Value = terms.AuthorStems;
            parameters[6].Value = terms.SubjectStems;
            command.ExecuteNonQuery();
        }
        ChangeTermCounts(connection, transaction, documents, """
            INSERT INTO "SearchTerms" ("Term", "Papers") VALUES (@t, @n)
            ON CONFLICT ("Term") DO UPDATE SET "Papers" = "Papers" + excluded."Papers"
            """);
    }

    public void RemoveDocuments(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchDocument> documents)
    {
        ChangeTermCounts(connection, transaction, documents, """UPDATE "SearchTerms" SET "Papers" = "Papers" - @n WHERE "Term" = @t""");
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """DELETE FROM "SearchTerms" WHERE "Papers" <= 0""";
        command.ExecuteNonQuery();
    }

    /// <summary>Runs one prepared statement per word of the batch, with the word (@t) and its count of papers (@n).</summary>
    private static void ChangeTermCounts(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchDocument> documents, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var term = command.CreateParameter();
        term.ParameterName = "@t";
        var papers = command.CreateParameter();
        papers.ParameterName = "@n";
        command.Parameters.Add(term);
        command.Parameters.Add(papers);
        command.Prepare();
        foreach (var count in SearchTermCounts.Count(documents))
        {
            term.Value = count.Term;
            papers.Value = count.Papers;
            command.ExecuteNonQuery();
        }
    }

    public IQueryable<TextMatch> Matches(PapersDbContext db, SearchPhrases phrases) => phrases.IsEmpty
        ? db.Database.SqlQueryRaw<TextMatch>("""SELECT 0 AS "PaperId", 0.0 AS "Rank" WHERE 0""")
        : db.Database.SqlQueryRaw<TextMatch>($$"""
            SELECT rowid AS "PaperId",
              bm25("PaperSearch", {{Weights}}) + CASE WHEN rowid IN (SELECT rowid FROM "PaperSearch"({1})) THEN 0.0 ELSE {{StemOnlyPenalty}} END AS "Rank"
            FROM "PaperSearch" WHERE "PaperSearch" MATCH {0}
            """, MatchExpression(phrases), ExactExpression(phrases));

    public IQueryable<TextMatch> MatchesAny(PapersDbContext db, IReadOnlyList<string> stems) => stems.Count == 0
        ? db.Database.SqlQueryRaw<TextMatch>("""SELECT 0 AS "PaperId", 0.0 AS "Rank" WHERE 0""")
        : db.Database.SqlQueryRaw<TextMatch>($$"""
            SELECT rowid AS "PaperId", bm25("PaperSearch", {{Weights}}) AS "Rank" FROM "PaperSearch" WHERE "PaperSearch" MATCH {0}
            """, $"{StemColumns} : ({string.Join(" OR ", stems.Select(stem => Quoted([stem])))})");

    /// <summary>
    /// What finds the papers: the stems of every phrase, in the stem columns, all of them; the last phrase also as
    /// typed with its last word as a prefix, in the text columns. Each phrase is an FTS5 string (inner quotes
    /// doubled); the text is bound as a parameter, never spliced into SQL.
    /// </summary>
    public static string MatchExpression(SearchPhrases phrases)
    {
        var parts = new List<string>();
        for (var i = 0; i < phrases.Phrases.Count; i++)
        {
            var stems = $"{StemColumns} : {Quoted(phrases.Stems[i])}";
            parts.Add(i == phrases.Phrases.Count - 1 && phrases.LastIsPrefix
                ? $"({stems} OR {TextColumns} : {Quoted(phrases.Phrases[i])} *)"
                : stems);
        }
        return string.Join(" AND ", parts);
    }

    /// <summary>Every phrase as typed, in the text columns: the papers that rank first.</summary>
    public static string ExactExpression(SearchPhrases phrases) =>
        string.Join(" AND ", phrases.Phrases.Select(phrase => $"{TextColumns} : {Quoted(phrase)}"));

    private static string Quoted(IReadOnlyList<string> words) => $"\"{string.Join(' ', words).Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
