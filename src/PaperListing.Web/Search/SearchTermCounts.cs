namespace PaperListing.Web.Search;

/// <summary>A word of the index and the number of papers holding it (in their abstract, authors' or subjects' names).</summary>
public sealed record TermCount(string Term, int Papers);

/// <summary>
/// How many papers hold each word, kept by the import beside the full-text index ("SearchTerms", the same table on
/// both engines): what makes a word distinctive for similar papers (fewer papers, more telling), and which words
/// exist to be suggested while typing. A paper counts once per word, whatever the times and places it holds it.
/// </summary>
public static class SearchTermCounts
{
    /// <summary>Longer words are not counted: no one types them, and they would only swell the table.</summary>
    public const int MaxTermLength = 40;

    /// <summary>The distinct words of one paper, folded as the index folds them, in the order first met.</summary>
    public static IReadOnlyList<string> WordsOf(SearchDocument document) => document.Terms.Words;

    /// <summary>The papers holding each word, over a batch of papers, in word order (the same order on every run).</summary>
    public static List<TermCount> Count(IEnumerable<SearchDocument> documents)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var word in WordsOf(document))
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }
        return counts.Select(c => new TermCount(c.Key, c.Value)).OrderBy(c => c.Term, StringComparer.Ordinal).ToList();
    }
}
