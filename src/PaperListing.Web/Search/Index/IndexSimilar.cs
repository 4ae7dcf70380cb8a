using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PaperListing.Web.Search.Index;

/// <summary>
/// Similar papers by the search index: the papers holding any of the paper's distinctive stems, ranked as a search
/// ranks them (BM25, authors, subjects and abstract weighted 4 : 2 : 1), ties by paper id, the paper itself left out.
/// </summary>
public static class IndexSimilar
{
    public static List<int> Find(IndexSearcher searcher, IReadOnlyList<string> stems, int paperId, int count)
    {
        if (stems.Count == 0)
        {
            return [];
        }
        var any = new BooleanQuery();
        foreach (var stem in stems)
        {
            foreach (var (_, field, weight) in IndexFields.Texts)
            {
                any.Add(new TermQuery(new Term(field, stem)) { Boost = weight }, Occur.SHOULD);
            }
        }
        var top = TopScoreDocCollector.Create(count + 1, false);
        searcher.Search(any, top);
        return top.GetTopDocs().ScoreDocs.Select(hit => IndexSearch.PaperId(searcher.IndexReader, hit.Doc))
            .Where(id => id != paperId).Take(count).ToList();
    }
}
