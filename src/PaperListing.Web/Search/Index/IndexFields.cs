using System.Globalization;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace PaperListing.Web.Search.Index;

/// <summary>
/// The fields of a paper's document in the search index. The text is the database index's: the abstract, the
/// authors' names and the subjects' names, each as typed (folded words) and as English stems (<see cref="WordStems"/>),
/// ranked by BM25 with the same weights (1, 4, 2). The rest is for filters (ids of its listings, categories, fields,
/// authors; its date), orders (date, public id) and facet counts, read from doc values without touching the database.
/// </summary>
public static class IndexFields
{
    /// <summary>Changes when the documents change shape, so an index written by another build is rebuilt, not misread.</summary>
    public const string Layout = "v2";

    /// <summary>The papers' index and the authors' names index, two folders of one generation.</summary>
    public const string PapersFolder = "papers";

    public const string NamesFolder = "names";

    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public const string Id = "id";
    public const string PublicId = "public-id";
    /// <summary>The day (DateOnly.DayNumber): -1 when undated, so newest first puts the undated last.</summary>
    public const string DayNewest = "day-newest";
    /// <summary>The day, int.MaxValue when undated, so oldest first puts the undated last.</summary>
    public const string DayOldest = "day-oldest";
    public const string Day = "day";
    public const string Year = "year";
    public const string Listing = "listing";
    public const string Category = "category";
    public const string Field = "field";
    public const string Author = "author";
    public const string CategoryFacet = "category-facet";
    public const string FieldFacet = "field-facet";

    /// <summary>The text fields (as typed), their stem fields and their weights, in the database index's order.</summary>
    public static readonly (string Text, string Stems, float Weight)[] Texts =
    [
        ("abstract", "abstract-stems", 1f),
        ("authors", "author-stems", 4f),
        ("subjects", "subject-stems", 2f),
    ];

    /// <summary>Words are split and folded by the site (<see cref="SearchWords"/>) before they reach the index, so it only splits at spaces.</summary>
    public static WhitespaceAnalyzer Analyzer() => new(Version);

    /// <summary>BM25 with FTS5's constants (k1 1.2, b 0.75), the same on writing and reading.</summary>
    public static readonly Similarity Similarity = new BM25Similarity(1.2f, 0.75f);

    public static Document Of(IndexedPaper paper)
    {
        var text = paper.Document;
        var document = new Document
        {
            new NumericDocValuesField(Id, paper.Id),
            new SortedDocValuesField(PublicId, new BytesRef(paper.PublicId)),
            new NumericDocValuesField(DayNewest, paper.Published?.DayNumber ?? -1),
            new NumericDocValuesField(DayOldest, paper.Published?.DayNumber ?? int.MaxValue),
            new NumericDocValuesField(Year, paper.Published?.Year ?? 0),
        };
        if (paper.Published is { } published)
        {
            document.Add(new Int32Field(Day, published.DayNumber, Lucene.Net.Documents.Field.Store.NO));
        }
        var values = new[] { text.Abstract, text.Authors, text.Subjects };
        for (var i = 0; i < Texts.Length; i++)
        {
            document.Add(new TextField(Texts[i].Text, Folded(values[i]), Lucene.Net.Documents.Field.Store.NO));
            document.Add(new TextField(Texts[i].Stems, WordStems.OfText(values[i]), Lucene.Net.Documents.Field.Store.NO));
        }
        foreach (var listing in paper.Listings)
        {
            document.Add(new StringField(Listing, Key(listing), Lucene.Net.Documents.Field.Store.NO));
        }
        foreach (var (authorId, _, _) in paper.Authors.DistinctBy(a => a.Id))
        {
            document.Add(new StringField(Author, Key(authorId), Lucene.Net.Documents.Field.Store.NO));
        }
        foreach (var (subjectId, _, _) in paper.Subjects.DistinctBy(s => s.Id))
        {
            document.Add(new StringField(Category, Key(subjectId), Lucene.Net.Documents.Field.Store.NO));
            document.Add(new SortedSetDocValuesField(CategoryFacet, new BytesRef(Key(subjectId))));
        }
        foreach (var fieldId in paper.Subjects.Select(s => s.FieldId).Distinct())
        {
            document.Add(new StringField(Field, Key(fieldId), Lucene.Net.Documents.Field.Store.NO));
            document.Add(new SortedSetDocValuesField(FieldFacet, new BytesRef(Key(fieldId))));
        }
        return document;
    }

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A text's words, folded (lower case, no diacritics), separated by spaces.</summary>
    public static string Folded(string text) => string.Join(' ', SearchWords.Split(text).Select(w => w.Folded));
}
