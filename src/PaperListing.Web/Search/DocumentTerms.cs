using System.Text;

namespace PaperListing.Web.Search;

/// <summary>
/// What the index makes of one paper's text, worked out in one pass over its words: the distinct folded words it is
/// counted under (<see cref="SearchTermCounts"/>) and the English stems of its abstract, its authors' names and its
/// subjects' names (<see cref="WordStems"/>). It depends on the text alone, so the import makes it on its parsing
/// thread, before the paper reaches the writer.
/// </summary>
public sealed class DocumentTerms
{
    private DocumentTerms(string[] words, string abstractStems, string authorStems, string subjectStems)
    {
        Words = words;
        AbstractStems = abstractStems;
        AuthorStems = authorStems;
        SubjectStems = subjectStems;
    }

    /// <summary>The paper's distinct folded words of at most <see cref="SearchTermCounts.MaxTermLength"/> characters, in the order first met.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The stems of the abstract's words, in order, separated by spaces.</summary>
    public string AbstractStems { get; }

    /// <summary>The stems of the authors' names, in order, separated by spaces.</summary>
    public string AuthorStems { get; }

    /// <summary>The stems of the subjects' and fields' names, in order, separated by spaces.</summary>
    public string SubjectStems { get; }

    public static DocumentTerms Of(string abstractText, string authors, string subjects)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var abstractStems = StemsAndWords(abstractText, words);
        var authorStems = StemsAndWords(authors, words);
        var subjectStems = StemsAndWords(subjects, words);
        return new DocumentTerms([.. words], abstractStems, authorStems, subjectStems);
    }

    /// <summary>The stems of a text's words (as <see cref="WordStems.OfText"/> makes them), adding its words to <paramref name="words"/> on the way.</summary>
    private static string StemsAndWords(string text, HashSet<string> words)
    {
        var stems = new StringBuilder(text.Length);
        foreach (var word in SearchWords.Split(text))
        {
            if (word.Folded.Length <= SearchTermCounts.MaxTermLength)
            {
                words.Add(word.Folded);
            }
            stems.Append(stems.Length == 0 ? "" : " ").Append(WordStems.Stem(word.Folded));
        }
        return stems.ToString();
    }
}
