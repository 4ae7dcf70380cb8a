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
        var abstractStems = new StringBuilder(abstractText.Length);
        var authorStems = new StringBuilder(authors.Length);
        var subjectStems = new StringBuilder(subjects.Length);
        Collect(abstractText, words, abstractStems);
        Collect(authors, words, authorStems);
        Collect(subjects, words, subjectStems);
        return new DocumentTerms([.. words], abstractStems.ToString(), authorStems.ToString(), subjectStems.ToString());
    }

    /// <summary>The <see cref="Words"/> alone, without the stems (what similar papers ask of a paper on its page).</summary>
    public static IReadOnlyList<string> WordsOf(string abstractText, string authors, string subjects)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        Collect(abstractText, words, null);
        Collect(authors, words, null);
        Collect(subjects, words, null);
        return [.. words];
    }

    /// <summary>Adds a text's words to <paramref name="words"/> and, if asked, their stems (as <see cref="WordStems.OfText"/> makes them) to <paramref name="stems"/>.</summary>
    private static void Collect(string text, HashSet<string> words, StringBuilder? stems)
    {
        foreach (var word in SearchWords.Split(text))
        {
            if (word.Folded.Length <= SearchTermCounts.MaxTermLength)
            {
                words.Add(word.Folded);
            }
            stems?.Append(stems.Length == 0 ? "" : " ").Append(WordStems.Stem(word.Folded));
        }
    }
}
