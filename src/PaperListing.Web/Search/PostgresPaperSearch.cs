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

    /// <summary>Paper ids only grow, so the papers past the highest indexed id are exactly the ones not yet indexed.</summary>
    public void UpdateIndex(DbConnection connection, DbTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "PaperSearch" ("PaperId", "Document")
            SELECT p."Id",
              setweight(to_tsvector('simple', unaccent(p."Abstract")), 'D')
              || setweight(to_tsvector('simple', unaccent(COALESCE((SELECT string_agg(a."Name", ' ') FROM "PaperAuthors" pa
                   JOIN "Authors" a ON a."Id" = pa."AuthorId" WHERE pa."PaperId" = p."Id"), ''))), 'A')
              || setweight(to_tsvector('simple', unaccent(COALESCE((SELECT string_agg(s."Name" || ' ' || f."Name", ' ') FROM "PaperSubjects" ps
                   JOIN "Subjects" s ON s."Id" = ps."SubjectId" JOIN "Fields" f ON f."Id" = s."FieldId" WHERE ps."PaperId" = p."Id"), ''))), 'B')
            FROM "Papers" p
            WHERE p."Id" > COALESCE((SELECT MAX("PaperId") FROM "PaperSearch"), 0)
            """;
        command.ExecuteNonQuery();
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
