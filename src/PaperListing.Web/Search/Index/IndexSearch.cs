using Lucene.Net.Index;
using Lucene.Net.Search;
using PaperListing.Web.Paging;

namespace PaperListing.Web.Search.Index;

/// <summary>How many papers of a search are in each category, field and year, by id; null where not counted.</summary>
public sealed record FacetTallies(IReadOnlyDictionary<int, int>? Categories, IReadOnlyDictionary<int, int>? Fields, IReadOnlyDictionary<int, int>? Years);

/// <summary>A search answered by the index: how many papers match, the ids of the page's papers in order, the facet counts.</summary>
public sealed record IndexAnswer(int Total, IReadOnlyList<int> PaperIds, FacetTallies Facets);

/// <summary>
/// Runs a search on the index: one pass ranks the matches (by relevance, or newest or oldest first, ties as the
/// database orders them), counts them and counts the facets over every match. A facet whose own filter is set is
/// counted over the matches without that filter (what a click on its links shows), in one more pass.
/// </summary>
public static class IndexSearch
{
    public static IndexAnswer Find(IndexSearcher searcher, SearchPhrases phrases, SearchFilters filters, SearchSort sort, PageRange range)
    {
        var reader = searcher.IndexReader;
        var subjectsHere = filters.WithoutSubject == filters;
        var yearsHere = filters.WithoutYears == filters;
        var counter = new FacetCounter(subjectsHere, yearsHere);
        var wanted = Math.Max(1, range.End);
        ICollector top = sort switch
        {
            SearchSort.Newest => TopFieldCollector.Create(Newest, wanted, false, false, false, false),
            SearchSort.Oldest => TopFieldCollector.Create(Oldest, wanted, false, false, false, false),
            _ => TopScoreDocCollector.Create(wanted, false),
        };
        searcher.Search(IndexQueries.For(reader, phrases, filters), MultiCollector.Wrap(top, counter));
        var docs = top is TopScoreDocCollector scored ? scored.GetTopDocs() : ((TopFieldCollector)top).GetTopDocs();
        var ids = docs.ScoreDocs.Skip(range.Skip).Select(d => PaperId(reader, d.Doc)).ToList();
        var facets = counter.Tallies();
        if (!subjectsHere)
        {
            var subjects = Count(searcher, phrases, filters.WithoutSubject, subjects: true);
            facets = facets with { Categories = subjects.Categories, Fields = subjects.Fields };
        }
        if (!yearsHere)
        {
            facets = facets with { Years = Count(searcher, phrases, filters.WithoutYears, subjects: false).Years };
        }
        return new IndexAnswer(docs.TotalHits, ids, facets);
    }

    private static readonly Sort Newest = new(new SortField(IndexFields.DayNewest, SortFieldType.INT64, true), new SortField(IndexFields.PublicId, SortFieldType.STRING));
    private static readonly Sort Oldest = new(new SortField(IndexFields.DayOldest, SortFieldType.INT64), new SortField(IndexFields.PublicId, SortFieldType.STRING));

    private static FacetTallies Count(IndexSearcher searcher, SearchPhrases phrases, SearchFilters filters, bool subjects)
    {
        var counter = new FacetCounter(subjects, !subjects);
        searcher.Search(IndexQueries.For(searcher.IndexReader, phrases, filters), counter);
        return counter.Tallies();
    }

    private static int PaperId(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return (int)leaf.AtomicReader.GetNumericDocValues(IndexFields.Id).Get(doc - leaf.DocBase);
    }

    /// <summary>Counts each category's, field's and year's matches from the index's doc values as the matches are found.</summary>
    private sealed class FacetCounter(bool subjects, bool years) : ICollector
    {
        private readonly Dictionary<int, int> _categories = [];
        private readonly Dictionary<int, int> _fields = [];
        private readonly Dictionary<int, int> _years = [];
        private SortedSetDocValues? _categoryValues;
        private SortedSetDocValues? _fieldValues;
        private NumericDocValues? _yearValues;
        private int[] _categoryCounts = [];
        private int[] _fieldCounts = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            var reader = context.AtomicReader;
            if (subjects)
            {
                _categoryValues = reader.GetSortedSetDocValues(IndexFields.CategoryFacet);
                _fieldValues = reader.GetSortedSetDocValues(IndexFields.FieldFacet);
                _categoryCounts = new int[_categoryValues?.ValueCount ?? 0];
                _fieldCounts = new int[_fieldValues?.ValueCount ?? 0];
            }
            if (years)
            {
                _yearValues = reader.GetNumericDocValues(IndexFields.Year);
            }
        }

        public void Collect(int doc)
        {
            Tally(_categoryValues, _categoryCounts, doc);
            Tally(_fieldValues, _fieldCounts, doc);
            if (_yearValues is not null && (int)_yearValues.Get(doc) is var year and > 0)
            {
                _years[year] = _years.GetValueOrDefault(year) + 1;
            }
        }

        private static void Tally(SortedSetDocValues? values, int[] counts, int doc)
        {
            if (values is null)
            {
                return;
            }
            values.SetDocument(doc);
            long ordinal;
            while ((ordinal = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                counts[ordinal]++;
            }
        }

        /// <summary>The last segment's counts, by ordinal, added to the totals by id.</summary>
        private void Flush()
        {
            Add(_categoryValues, _categoryCounts, _categories);
            Add(_fieldValues, _fieldCounts, _fields);
            _categoryValues = null;
            _fieldValues = null;
        }

        private static void Add(SortedSetDocValues? values, int[] counts, Dictionary<int, int> totals)
        {
            if (values is null)
            {
                return;
            }
            var text = new Lucene.Net.Util.BytesRef();
            for (var ordinal = 0; ordinal < counts.Length; ordinal++)
            {
                if (counts[ordinal] > 0)
                {
                    values.LookupOrd(ordinal, text);
                    var id = int.Parse(text.Utf8ToString(), System.Globalization.CultureInfo.InvariantCulture);
                    totals[id] = totals.GetValueOrDefault(id) + counts[ordinal];
                }
            }
        }

        public FacetTallies Tallies()
        {
            Flush();
            return new FacetTallies(subjects ? _categories : null, subjects ? _fields : null, years ? _years : null);
        }
    }
}
