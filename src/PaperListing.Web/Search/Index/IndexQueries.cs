using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PaperListing.Web.Search.Index;

/// <summary>
/// A search as an index query, by the database index's rules: every phrase is found by its stems (in the stem
/// fields, weighted 1, 4, 2), the last phrase also as typed with its last word as the start of a longer word; papers
/// holding every phrase as typed rank above those found only through stems or a word's start. The filters narrow
/// without scoring. Words reach the index only as terms: nothing typed is query syntax.
/// </summary>
public static class IndexQueries
{
    /// <summary>The score added to a paper holding every phrase as typed: far above any BM25 score, so those come first.</summary>
    private const float ExactBonus = 100_000f;

    /// <summary>The most indexed words a typed word's start stands for within a phrase; the first ones in order are kept.</summary>
    private const int MaxPrefixTerms = 512;

    /// <summary>The query of a search; unranked (for an order by date, or only to count) it scores nothing, which is cheaper.</summary>
    public static Query For(IndexReader reader, SearchPhrases phrases, SearchFilters filters, bool ranked = true)
    {
        var all = new BooleanQuery();
        for (var i = 0; i < phrases.Phrases.Count; i++)
        {
            var phrase = new BooleanQuery();
            foreach (var (_, stems, weight) in IndexFields.Texts)
            {
                phrase.Add(Boosted(Words(stems, phrases.Stems[i]), weight), Occur.SHOULD);
            }
            if (i == phrases.Phrases.Count - 1 && phrases.LastIsPrefix)
            {
                foreach (var (text, _, weight) in IndexFields.Texts)
                {
                    phrase.Add(Boosted(WordsWithPrefix(reader, text, phrases.Phrases[i]), weight), Occur.SHOULD);
                }
            }
            all.Add(phrase, Occur.MUST);
        }
        Query query = ranked ? WithExactFirst(all, phrases) : new ConstantScoreQuery(all);
        return Filter(filters) is { } filter ? new FilteredQuery(query, new QueryWrapperFilter(filter)) : query;
    }

    /// <summary>The papers holding every phrase as typed, lifted above the rest.</summary>
    private static BooleanQuery WithExactFirst(BooleanQuery all, SearchPhrases phrases)
    {
        var exact = new BooleanQuery();
        foreach (var words in phrases.Phrases)
        {
            var anywhere = new BooleanQuery();
            foreach (var (text, _, _) in IndexFields.Texts)
            {
                anywhere.Add(Words(text, words), Occur.SHOULD);
            }
            exact.Add(anywhere, Occur.MUST);
        }
        all.Add(new ConstantScoreQuery(exact) { Boost = ExactBonus }, Occur.SHOULD);
        return all;
    }

    /// <summary>What the filters let through, or null for every paper.</summary>
    public static Query? Filter(SearchFilters filters)
    {
        var all = new BooleanQuery();
        void Require(string field, int? id)
        {
            if (id is { } value)
            {
                all.Add(new TermQuery(new Term(field, IndexFields.Key(value))), Occur.MUST);
            }
        }
        Require(IndexFields.Listing, filters.ListingHoldsEveryPaper ? null : filters.ListingId);
        Require(IndexFields.Category, filters.CategoryId);
        Require(IndexFields.Field, filters.FieldId);
        Require(IndexFields.Author, filters.AuthorId);
        if (filters.FromDate is not null || filters.ToDate is not null)
        {
            all.Add(NumericRangeQuery.NewInt32Range(IndexFields.Day, filters.FromDate?.DayNumber, filters.ToDate?.DayNumber, true, true), Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : all;
    }

    private static Query Boosted(Query query, float weight)
    {
        query.Boost = weight;
        return query;
    }

    /// <summary>A word, or words in a row.</summary>
    private static Query Words(string field, IReadOnlyList<string> words)
    {
        if (words.Count == 1)
        {
            return new TermQuery(new Term(field, words[0]));
        }
        var phrase = new PhraseQuery();
        foreach (var word in words)
        {
            phrase.Add(new Term(field, word));
        }
        return phrase;
    }

    /// <summary>Words in a row, the last one also as the start of longer words.</summary>
    private static Query WordsWithPrefix(IndexReader reader, string field, IReadOnlyList<string> words)
    {
        if (words.Count == 1)
        {
            return new PrefixQuery(new Term(field, words[0]));
        }
        var phrase = new MultiPhraseQuery();
        foreach (var word in words.Take(words.Count - 1))
        {
            phrase.Add(new Term(field, word));
        }
        var starting = WordsStartingWith(reader, field, words[^1]);
        phrase.Add(starting.Count == 0 ? [new Term(field, words[^1])] : starting.ToArray());
        return phrase;
    }

    public static List<Term> WordsStartingWith(IndexReader reader, string field, string prefix)
    {
        var found = new List<Term>();
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return found;
        }
        var each = terms.GetEnumerator();
        if (each.SeekCeil(new Lucene.Net.Util.BytesRef(prefix)) == TermsEnum.SeekStatus.END)
        {
            return found;
        }
        do
        {
            var word = each.Term.Utf8ToString();
            if (!word.StartsWith(prefix, StringComparison.Ordinal))
            {
                break;
            }
            found.Add(new Term(field, word));
        }
        while (found.Count < MaxPrefixTerms && each.MoveNext());
        return found;
    }
}
