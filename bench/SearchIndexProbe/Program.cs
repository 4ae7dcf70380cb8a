using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using PaperListing.Web.Search;

// The alternative search engine of bench/notes.md, measured: a Lucene.Net index derived from a site's SQLite
// database (the same documents as the full-text index: abstract, authors, subjects, as typed and as the site's own
// stems, weighted 1, 4, 2), then the queries of bench/search.sh timed against it, one at a time: the matches ranked,
// the page's 20 ids, the count and the subject facets over every match. Medians of R runs, wall and CPU.
//
//   dotnet run -c Release --project bench/SearchIndexProbe -- DATABASE INDEX_FOLDER [R]
var database = args[0];
var folder = args[1];
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
const LuceneVersion Version = LuceneVersion.LUCENE_48;
var invariant = CultureInfo.InvariantCulture;

if (!System.IO.Directory.Exists(folder))
{
    Build(database, folder);
}
using var directory = FSDirectory.Open(folder);
using var reader = DirectoryReader.Open(directory);
var searcher = new IndexSearcher(reader);
var leaf = reader.Leaves.Single().AtomicReader;
var ids = leaf.GetNumericDocValues("id");
var subjects = leaf.GetSortedSetDocValues("subject-facet");
var newest = new Sort(new SortField("day", SortFieldType.INT64, true), new SortField("id", SortFieldType.INT64));

var cases = new (string Name, Func<Answer> Run)[]
{
    ("tensor", () => Run(Search("tensor"), 1)),
    ("tensor, page 50", () => Run(Search("tensor"), 50)),
    ("razin tensor", () => Run(Search("razin tensor"), 1)),
    ("scholpple spectral rank", () => Run(Search("scholpple spectral rank"), 1)),
    ("scholpple", () => Run(Search("scholpple"), 1)),
    ("tensor, one subject", () => Run(Search("tensor", new TermQuery(new Term("subject", "3"))), 1)),
    ("tensor, 2020-2021, newest", () => Run(Search("tensor", NumericRangeQuery.NewInt32Range("year", 2020, 2021, true, true)), 1, newest)),
    ("tensors", () => Run(Search("tensors"), 1)),
    ("factorizations tens", () => Run(Search("factorizations tens"), 1)),
    ("similar papers (12 rarest shared stems)", () => Similar(searcher.Search(Search("scholpple spectral rank"), 1).ScoreDocs[0].Doc)),
};
Console.WriteLine($"{reader.NumDocs:N0} papers; index {System.IO.Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length) / 1e6:F0} MB");
Console.WriteLine("| query | median ms | CPU ms | matches | subjects counted |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var (name, run) in cases)
{
    var answer = run();
    for (var i = 0; i < 3; i++)
    {
        run();
    }
    var times = new List<double>();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < runs; i++)
    {
        var start = Stopwatch.GetTimestamp();
        run();
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
    var cpuEach = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
    times.Sort();
    Console.WriteLine(string.Create(invariant, $"| {name} | {times[runs / 2]:F2} | {cpuEach:F2} | {answer.Total:N0} | {answer.Subjects} |"));
}
Console.WriteLine($"RSS {Environment.WorkingSet / 1e6:F0} MB");

// One phrase: its stems in the stem fields (weights 1, 4, 2); the last phrase also as typed, its last word as a prefix.
Query Phrase(string typed, bool last)
{
    var words = SearchWords.Split(typed).Select(w => w.Folded).ToList();
    var stems = words.Select(WordStems.Stem).ToList();
    var any = new BooleanQuery();
    foreach (var (field, boost) in new[] { ("abstract-stems", 1f), ("author-stems", 4f), ("subject-stems", 2f) })
    {
        var query = Words(field, stems);
        query.Boost = boost;
        any.Add(query, Occur.SHOULD);
    }
    if (last)
    {
        foreach (var field in new[] { "abstract", "authors", "subjects" })
        {
            any.Add(new PrefixQuery(new Term(field, words[^1])), Occur.SHOULD);
        }
    }
    return any;
}

static Query Words(string field, List<string> words)
{
    if (words.Count == 1)
    {
        return new TermQuery(new Term(field, words[0]));
    }
    var phrase = new PhraseQuery();
    words.ForEach(word => phrase.Add(new Term(field, word)));
    return phrase;
}

Query Search(string text, Query? filter = null)
{
    var all = new BooleanQuery();
    var phrases = text.Split(' ');
    for (var i = 0; i < phrases.Length; i++)
    {
        all.Add(Phrase(phrases[i], i == phrases.Length - 1), Occur.MUST);
    }
    return filter is null ? all : new FilteredQuery(all, new QueryWrapperFilter(filter));
}

// The page's ids, the count and the subject counts over every match, in one pass.
Answer Run(Query query, int page, Sort? sort = null)
{
    var counts = new int[Math.Max(1, (int)subjects.ValueCount)];
    var top = sort is null ? (ICollector)TopScoreDocCollector.Create(page * 20, true) : TopFieldCollector.Create(sort, page * 20, false, false, false, false);
    searcher.Search(query, MultiCollector.Wrap(top, new FacetCounter(subjects, counts)));
    var docs = top is TopScoreDocCollector scored ? scored.GetTopDocs() : ((TopFieldCollector)top).GetTopDocs();
    var pageIds = docs.ScoreDocs.Skip((page - 1) * 20).Select(d => ids.Get(d.Doc)).ToList();
    return new Answer(docs.TotalHits, pageIds.Count, counts.Count(c => c > 0));
}

// The paper's stems that 2 to 5,000 other papers hold, rarest first, at most 12, any of them: the site's rule.
Answer Similar(int doc)
{
    var terms = reader.GetTermVector(doc, "abstract-stems");
    var stems = new List<(string Stem, int Papers)>();
    var each = terms.GetEnumerator();
    while (each.MoveNext())
    {
        var stem = each.Term.Utf8ToString();
        stems.Add((stem, reader.DocFreq(new Term("abstract-stems", stem))));
    }
    var query = new BooleanQuery();
    var entries = 0;
    foreach (var (stem, papers) in stems.Where(s => s.Papers >= 2).OrderBy(s => s.Papers).ThenBy(s => s.Stem, StringComparer.Ordinal).Take(12))
    {
        if ((entries += papers) > 5_000 && query.Clauses.Count > 0)
        {
            break;
        }
        query.Add(new TermQuery(new Term("abstract-stems", stem)), Occur.SHOULD);
    }
    query.Add(new TermQuery(new Term("pid", ids.Get(doc).ToString(invariant))), Occur.MUST_NOT);
    var top = searcher.Search(query, 10);
    return new Answer(top.TotalHits, top.ScoreDocs.Length, 0);
}

static void Build(string database, string folder)
{
    var clock = Stopwatch.StartNew();
    using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
    connection.Open();
    var authors = Grouped(connection, """SELECT pa."PaperId", a."Id", a."Name" FROM "PaperAuthors" pa JOIN "Authors" a ON a."Id" = pa."AuthorId" ORDER BY pa."PaperId", pa."Position" """);
    var subjects = Grouped(connection, """SELECT ps."PaperId", s."Id", s."Name" || ' ' || f."Name" FROM "PaperSubjects" ps JOIN "Subjects" s ON s."Id" = ps."SubjectId" JOIN "Fields" f ON f."Id" = s."FieldId" ORDER BY ps."PaperId", ps."Position" """);
    using var directory = FSDirectory.Open(folder);
    using var writer = new IndexWriter(directory, new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version)) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64 });
    var stemsWithVectors = new FieldType(TextField.TYPE_NOT_STORED) { StoreTermVectors = true };
    using var command = connection.CreateCommand();
    command.CommandText = """SELECT "Id", "Abstract", "Published" FROM "Papers" ORDER BY "Id" """;
    using var rows = command.ExecuteReader();
    while (rows.Read())
    {
        var id = rows.GetInt32(0);
        var text = rows.GetString(1);
        var published = rows.IsDBNull(2) ? (DateOnly?)null : DateOnly.Parse(rows.GetString(2), CultureInfo.InvariantCulture);
        var names = string.Join(' ', authors.GetValueOrDefault(id, []).Select(a => a.Text));
        var subjectNames = string.Join(' ', subjects.GetValueOrDefault(id, []).Select(s => s.Text));
        var document = new Document
        {
            new NumericDocValuesField("id", id),
            new StringField("pid", id.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new TextField("abstract", Folded(text), Field.Store.NO),
            new Field("abstract-stems", WordStems.OfText(text), stemsWithVectors),
            new TextField("authors", Folded(names), Field.Store.NO),
            new TextField("author-stems", WordStems.OfText(names), Field.Store.NO),
            new TextField("subjects", Folded(subjectNames), Field.Store.NO),
            new TextField("subject-stems", WordStems.OfText(subjectNames), Field.Store.NO),
            new NumericDocValuesField("day", published?.DayNumber ?? -1),
            new Int32Field("year", published?.Year ?? 0, Field.Store.NO),
        };
        foreach (var (authorId, _) in authors.GetValueOrDefault(id, []))
        {
            document.Add(new StringField("author", authorId.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
        }
        foreach (var (subjectId, _) in subjects.GetValueOrDefault(id, []))
        {
            document.Add(new StringField("subject", subjectId.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
            document.Add(new SortedSetDocValuesField("subject-facet", new BytesRef(subjectId.ToString(CultureInfo.InvariantCulture))));
        }
        writer.AddDocument(document);
    }
    writer.ForceMerge(1);
    writer.Commit();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index built in {clock.Elapsed.TotalSeconds:F1} s, peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
}

static Dictionary<int, List<(int Id, string Text)>> Grouped(SqliteConnection connection, string sql)
{
    var grouped = new Dictionary<int, List<(int, string)>>();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    using var rows = command.ExecuteReader();
    while (rows.Read())
    {
        var paperId = rows.GetInt32(0);
        if (!grouped.TryGetValue(paperId, out var list))
        {
            grouped[paperId] = list = [];
        }
        list.Add((rows.GetInt32(1), rows.GetString(2)));
    }
    return grouped;
}

static string Folded(string text) => string.Join(' ', SearchWords.Split(text).Select(w => w.Folded));

/// <summary>What a query answered: every match counted, the page's papers, the subjects with a count.</summary>
internal sealed record Answer(int Total, int Shown, int Subjects);

/// <summary>Counts each subject's matches from the index's doc values, as the matches are found.</summary>
internal sealed class FacetCounter(SortedSetDocValues values, int[] counts) : ICollector
{
    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
    }

    public void Collect(int doc)
    {
        values.SetDocument(doc);
        long ordinal;
        while ((ordinal = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
        {
            counts[ordinal]++;
        }
    }
}
