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
    public static IndexAnswer Find(IndexSearcher searcher, IReadOnlyList<FacetColumns> columns, SearchPhrases phrases, SearchFilters filters, SearchSort sort, PageRange range)
    {
        var reader = searcher.IndexReader;
        var subjectsHere = filters.WithoutSubject == filters;
        var yearsHere = filters.WithoutYears == filters;
        if (range.End > DeepPage && CountOnly(searcher, phrases, filters) is var total && range.IsPastEnd(total))
        {
            // A page far down the list: counted first, so a page past the end never has its places kept in memory.
            return new IndexAnswer(total, [], new FacetTallies(null, null, null));
        }
        var counter = new FacetCounter(subjectsHere, yearsHere, columns);
        var wanted = Math.Max(1, range.End);
        ICollector top = sort switch
        {
            SearchSort.Newest => TopFieldCollector.Create(Newest, wanted, false, false, false, false),
            SearchSort.Oldest => TopFieldCollector.Create(Oldest, wanted, false, false, false, false),
            _ => TopScoreDocCollector.Create(wanted, false),
        };
        searcher.Search(IndexQueries.For(reader, phrases, filters, ranked: sort is not (SearchSort.Newest or SearchSort.Oldest)), MultiCollector.Wrap(top, counter));
        var docs = top is TopScoreDocCollector scored ? scored.GetTopDocs() : ((TopFieldCollector)top).GetTopDocs();
        var ids = docs.ScoreDocs.Skip(range.Skip).Select(d => PaperId(reader, d.Doc)).ToList();
        var facets = counter.Tallies();
        if (!subjectsHere)
        {
            var subjects = Count(searcher, columns, phrases, filters.WithoutSubject, subjects: true);
            facets = facets with { Categories = subjects.Categories, Fields = subjects.Fields };
        }
        if (!yearsHere)
        {
            facets = facets with { Years = Count(searcher, columns, phrases, filters.WithoutYears, subjects: false).Years };
        }
        return new IndexAnswer(docs.TotalHits, ids, facets);
    }

    /// <summary>Past this many places, a page is first checked to lie within the matches (keeping each place costs memory).</summary>
    private const int DeepPage = 10_000;

    private static int CountOnly(IndexSearcher searcher, SearchPhrases phrases, SearchFilters filters)
    {
        var count = new TotalHitCountCollector();
        searcher.Search(IndexQueries.For(searcher.IndexReader, phrases, filters, ranked: false), count);
        return count.TotalHits;
    }

    private static readonly Sort Newest = new(new SortField(IndexFields.DayNewest, SortFieldType.INT64, true), new SortField(IndexFields.PublicId, SortFieldType.STRING));
    private static readonly Sort Oldest = new(new SortField(IndexFields.DayOldest, SortFieldType.INT64), new SortField(IndexFields.PublicId, SortFieldType.STRING));

    private static FacetTallies Count(IndexSearcher searcher, IReadOnlyList<FacetColumns> columns, SearchPhrases phrases, SearchFilters filters, bool subjects)
    {
        var counter = new FacetCounter(subjects, !subjects, columns);
        searcher.Search(IndexQueries.For(searcher.IndexReader, phrases, filters, ranked: false), counter);
        return counter.Tallies();
    }

    public static int PaperId(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return (int)leaf.AtomicReader.GetNumericDocValues(IndexFields.Id).Get(doc - leaf.DocBase);
    }

    /// <summary>Counts each category's, field's and year's matches, from the facet columns of each segment, as the matches are found.</summary>
    private sealed class FacetCounter(bool subjects, bool years, IReadOnlyList<FacetColumns> columnsOf) : ICollector
    {
        private readonly Dictionary<int, int> _categories = [];
        private readonly Dictionary<int, int> _fields = [];
        private readonly Dictionary<int, int> _years = [];
        private FacetColumns? _columns;
        private int[] _categoryCounts = [];
        private int[] _fieldCounts = [];
        private int[] _yearCounts = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            _columns = columnsOf[context.Ord];
            if (subjects)
            {
                _categoryCounts = new int[_columns.MaxCategory + 1];
                _fieldCounts = new int[_columns.MaxField + 1];
            }
            if (years)
            {
                _yearCounts = new int[_columns.MaxYear + 1];
            }
        }

        public void Collect(int doc)
        {
            var columns = _columns!;
            if (subjects)
            {
                for (int i = columns.CategoryStarts[doc], end = columns.CategoryStarts[doc + 1]; i < end; i++)
                {
                    _categoryCounts[columns.Categories[i]]++;
                }
                for (int i = columns.FieldStarts[doc], end = columns.FieldStarts[doc + 1]; i < end; i++)
                {
                    _fieldCounts[columns.Fields[i]]++;
                }
            }
            if (years)
            {
                _yearCounts[columns.Years[doc]]++;
            }
        }

        /// <summary>The last segment's counts added to the totals.</summary>
        private void Flush()
        {
            Add(_categoryCounts, _categories, 0);
            Add(_fieldCounts, _fields, 0);
            // Year 0 holds the undated papers, which no year link shows.
            Add(_yearCounts.AsSpan(Math.Min(1, _yearCounts.Length)), _years, 1);
            _categoryCounts = _fieldCounts = _yearCounts = [];
        }

        private static void Add(ReadOnlySpan<int> counts, Dictionary<int, int> totals, int firstId)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                if (counts[i] > 0)
                {
                    totals[i + firstId] = totals.GetValueOrDefault(i + firstId) + counts[i];
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
