using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;

namespace PaperListing.Web.Search;

/// <summary>
/// PostgreSQL full-text search: two tsvectors per paper in a table of their own, each with a GIN index: "Document",
/// the words of its abstract, its authors' names and its subjects' and fields' names (weighted D, A and B), and
/// "Stems", the English stems of the same words (<see cref="WordStems"/>, made by the site, so they are the very stems
/// SQLite holds). The "simple" configuration and unaccent match words as SQLite's unicode61 tokenizer does (case and
/// accents ignored), so both engines find the same papers: those holding the stems of every phrase (the last word
/// also as the start of a longer word, in "Document"). ts_rank with weights 1, 4 and 2 for the abstract, authors and
/// subjects orders them, papers holding every word as typed first. A deleted paper's row goes with it (ON DELETE
/// CASCADE). Searched text is always a parameter, turned into a query by phraseto_tsquery, which accepts any text (a
/// NUL included: see <see cref="Data.Engines.PostgresTextParameters"/>), or quoted by quote_literal before to_tsquery.
/// </summary>
public sealed class PostgresPaperSearch : IPaperSearch
{
    public const string TableName = "PaperSearch";

    /// <summary>The table of words and their counts of papers (<see cref="SearchTermCounts"/>).</summary>
    public const string TermsTableName = "SearchTerms";

    /// <summary>ts_rank's weights, in its order {D, C, B, A}: abstract 0.25, subjects 0.5, authors 1 (as 1 : 2 : 4 on SQLite).</summary>
    private const string Weights = "ARRAY[0.25, 0.0, 0.5, 1.0]::real[]";

    /// <summary>Added to the rank of a paper that does not hold every word as typed, so that it comes after every paper that does.</summary>
    private const string StemOnlyPenalty = "1000000.0";

    public string IndexSchemaSql => """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE TABLE "PaperSearch" (
            "PaperId" integer PRIMARY KEY REFERENCES "Papers" ("Id") ON DELETE CASCADE,
            "Document" tsvector NOT NULL,
            "Stems" tsvector NOT NULL);
        CREATE INDEX "IX_PaperSearch_Document" ON "PaperSearch" USING GIN ("Document");
        CREATE INDEX "IX_PaperSearch_Stems" ON "PaperSearch" USING GIN ("Stems");
        CREATE TABLE "SearchTerms" ("Term" text COLLATE "C" PRIMARY KEY, "Papers" integer NOT NULL);
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
            INSERT INTO "PaperSearch" ("PaperId", "Document", "Stems")
            SELECT d.id,
              setweight(to_tsvector('simple', unaccent(d.abstract)), 'D')
              || setweight(to_tsvector('simple', unaccent(d.authors)), 'A')
              || setweight(to_tsvector('simple', unaccent(d.subjects)), 'B'),
              setweight(to_tsvector('simple', d.abstract_stems), 'D')
              || setweight(to_tsvector('simple', d.author_stems), 'A')
              || setweight(to_tsvector('simple', d.subject_stems), 'B')
            FROM unnest(@ids, @abstracts, @authors, @subjects, @abstract_stems, @author_stems, @subject_stems)
              AS d(id, abstract, authors, subjects, abstract_stems, author_stems, subject_stems)
            """;
        Add(command, "ids", documents.Select(d => d.PaperId).ToArray());
        Add(command, "abstracts", documents.Select(d => d.Abstract).ToArray());
        Add(command, "authors", documents.Select(d => d.Authors).ToArray());
        Add(command, "subjects", documents.Select(d => d.Subjects).ToArray());
        Add(command, "abstract_stems", documents.Select(d => d.Terms.AbstractStems).ToArray());
        Add(command, "author_stems", documents.Select(d => d.Terms.AuthorStems).ToArray());
        Add(command, "subject_stems", documents.Select(d => d.Terms.SubjectStems).ToArray());
        command.ExecuteNonQuery();
        ChangeTermCounts(connection, transaction, documents, """
            INSERT INTO "SearchTerms" ("Term", "Papers") SELECT * FROM unnest(@terms, @papers)
            ON CONFLICT ("Term") DO UPDATE SET "Papers" = "SearchTerms"."Papers" + excluded."Papers"
            """);
    }

    public void RemoveDocuments(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchDocument> documents) =>
        ChangeTermCounts(connection, transaction, documents, """
            UPDATE "SearchTerms" t SET "Papers" = t."Papers" - d.papers FROM unnest(@terms, @papers) AS d(term, papers) WHERE t."Term" = d.term;
            DELETE FROM "SearchTerms" WHERE "Papers" <= 0;
            """);

    /// <summary>One statement for the whole batch, the words and their counts of papers as two arrays.</summary>
    private static void ChangeTermCounts(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchDocument> documents, string sql)
    {
        var counts = SearchTermCounts.Count(documents);
        if (counts.Count == 0)
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Add(command, "terms", counts.Select(c => c.Term).ToArray());
        Add(command, "papers", counts.Select(c => c.Papers).ToArray());
        command.ExecuteNonQuery();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public IQueryable<TextMatch> MatchesAny(PapersDbContext db, IReadOnlyList<string> stems) => stems.Count == 0
        ? db.Database.SqlQueryRaw<TextMatch>("""SELECT 0 AS "PaperId", 0.0::float8 AS "Rank" WHERE false""")
        // Each stem is quoted by quote_literal, so the query is a plain OR of words whatever they hold.
        : db.Database.SqlQueryRaw<TextMatch>($$"""
            SELECT s."PaperId", -ts_rank({{Weights}}, s."Stems", q.query)::float8 AS "Rank"
            FROM "PaperSearch" s,
              (SELECT to_tsquery('simple', (SELECT string_agg(quote_literal(t), ' | ') FROM unnest({0}::text[]) AS t)) AS query) q
            WHERE s."Stems" @@ q.query
            """, new object[] { stems.ToArray() });

    public IQueryable<TextMatch> Matches(PapersDbContext db, SearchPhrases phrases)
    {
        if (phrases.IsEmpty)
        {
            return db.Database.SqlQueryRaw<TextMatch>("""SELECT 0 AS "PaperId", 0.0::float8 AS "Rank" WHERE false""");
        }
        // Only placeholders ({0}, {1} …) and constants go into the text; every word is a parameter.
        var texts = new List<object>();
        string Parameter(IEnumerable<string> words)
        {
            texts.Add(string.Join(' ', words));
            return $"{{{texts.Count - 1}}}";
        }
        string Stems(int i) => $"phraseto_tsquery('simple', {Parameter(phrases.Stems[i])})";
        var count = phrases.Phrases.Count;
        var allStems = string.Join(" && ", Enumerable.Range(0, count).Select(Stems));
        var exact = string.Join(" && ", phrases.Phrases.Select(phrase => $"phraseto_tsquery('simple', unaccent({Parameter(phrase)}))"));
        var found = $"""s."Stems" @@ q.stems""";
        if (phrases.LastIsPrefix)
        {
            var last = phrases.Phrases[^1];
            var prefix = $"to_tsquery('simple', quote_literal(unaccent({Parameter([last[^1]])})) || ':*')";
            if (last.Count > 1)
            {
                prefix = $"tsquery_phrase(phraseto_tsquery('simple', unaccent({Parameter(last.Take(last.Count - 1))})), {prefix})";
            }
            var before = count > 1 ? $"""s."Stems" @@ ({string.Join(" && ", Enumerable.Range(0, count - 1).Select(Stems))}) AND """ : "";
            found = $"""{before}(s."Stems" @@ {Stems(count - 1)} OR s."Document" @@ {prefix})""";
        }
        var sql = $$"""
            SELECT s."PaperId",
              (-ts_rank({{Weights}}, s."Stems", q.stems) + CASE WHEN s."Document" @@ q.exact THEN 0.0 ELSE {{StemOnlyPenalty}} END)::float8 AS "Rank"
            FROM "PaperSearch" s, (SELECT {{allStems}} AS stems, {{exact}} AS exact) q
            WHERE {{found}}
            """;
        return db.Database.SqlQueryRaw<TextMatch>(sql, texts.ToArray());
    }
}
