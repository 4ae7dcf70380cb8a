using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;

namespace PaperListing.Web.Search;

/// <summary>
/// PostgreSQL full-text search: one tsvector per paper in a table of its own (its abstract, its authors' names and its
/// subjects' and fields' names, weighted D, A and B), with a GIN index. The "simple" configuration and unaccent match
/// words as SQLite's unicode61 tokenizer does (case and accents ignored, no stemming), so both engines find the same
/// papers; ts_rank with weights 1, 4 and 2 for the abstract, authors and subjects orders them. A deleted paper's row
/// goes with it (ON DELETE CASCADE). Searched text is always a parameter, turned into a query by phraseto_tsquery,
/// which accepts any text (a NUL included: see <see cref="Data.Engines.PostgresTextParameters"/>).
/// </summary>
public sealed class PostgresPaperSearch : IPaperSearch
{
    public const string TableName = "PaperSearch";

    /// <summary>ts_rank's weights, in its order {D, C, B, A}: abstract 0.25, subjects 0.5, authors 1 (as 1 : 2 : 4 on SQLite).</summary>
    private const string Weights = "ARRAY[0.25, 0.0, 0.5, 1.0]::real[]";

    public string IndexSchemaSql => """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE TABLE "PaperSearch" (
            "PaperId" integer PRIMARY KEY REFERENCES "Papers" ("Id") ON DELETE CASCADE,
            "Document" tsvector NOT NULL);
        CREATE INDEX "IX_PaperSearch_Document" ON "PaperSearch" USING GIN ("Document");
        """;

    /// <summary>
    /// One statement for the whole batch: the texts travel as four arrays (binary, no text to parse), and the server
    /// only turns them into vectors.
    /// </summary>
    public void AddDocuments(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchDocument> documents)
    {
        if (documents.Count == 0)
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "PaperSearch" ("PaperId", "Document")
            SELECT d.id,
              setweight(to_tsvector('simple', unaccent(d.abstract)), 'D')
              || setweight(to_tsvector('simple', unaccent(d.authors)), 'A')
              || setweight(to_tsvector('simple', unaccent(d.subjects)), 'B')
            FROM unnest(@ids, @abstracts, @authors, @subjects) AS d(id, abstract, authors, subjects)
            """;
        Add(command, "ids", documents.Select(d => d.PaperId).ToArray());
        Add(command, "abstracts", documents.Select(d => d.Abstract).ToArray());
        Add(command, "authors", documents.Select(d => d.Authors).ToArray());
        Add(command, "subjects", documents.Select(d => d.Subjects).ToArray());
        command.ExecuteNonQuery();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public IQueryable<TextMatch> Matches(PapersDbContext db, SearchPhrases phrases)
    {
        if (phrases.IsEmpty)
        {
            return db.Database.SqlQueryRaw<TextMatch>("""SELECT 0 AS "PaperId", 0.0::float8 AS "Rank" WHERE false""");
        }
        var texts = phrases.Phrases.Select(phrase => (object)string.Join(' ', phrase)).ToArray();
        // Only placeholders ({0}, {1} …) and constants go into the text; every phrase is a parameter.
        var query = string.Join(" && ", texts.Select((_, i) => $"phraseto_tsquery('simple', unaccent({{{i}}}))"));
        var sql = $$"""
            SELECT s."PaperId", -ts_rank({{Weights}}, s."Document", q.query)::float8 AS "Rank"
            FROM "PaperSearch" s, (SELECT {{query}} AS query) q
            WHERE s."Document" @@ q.query
            """;
        return db.Database.SqlQueryRaw<TextMatch>(sql, texts);
    }
}
