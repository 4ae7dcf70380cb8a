namespace PaperListing.Web.Search;

/// <summary>
/// What a search asks for, engine-neutral: each space-separated part of the text is a phrase of its words, and a
/// paper must hold every phrase. Nothing typed is syntax: quotes, <c>*</c>, <c>-</c>, <c>NEAR</c>, <c>AND</c>,
/// <c>OR</c>, <c>NOT</c>, <c>^</c>, <c>:</c> and parentheses are separators or plain words, and a part without a
/// letter or digit asks for nothing, so "***" finds no paper rather than failing. A phrase matches its words or
/// their English stems (<see cref="WordStems"/>); the last word typed also matches as the start of a longer word
/// (<see cref="LastIsPrefix"/>), as a person may still be typing it.
/// </summary>
public sealed class SearchPhrases
{
    /// <summary>The shortest last word that is also looked for as the start of longer words: "re" would match too much to mean anything.</summary>
    public const int MinPrefixLength = 3;

    private SearchPhrases(IReadOnlyList<IReadOnlyList<string>> phrases)
    {
        Phrases = phrases;
        Stems = phrases.Select(phrase => (IReadOnlyList<string>)phrase.Select(WordStems.Stem).ToList()).ToList();
        LastIsPrefix = phrases.Count > 0 && phrases[^1][^1].Length >= MinPrefixLength;
    }

    /// <summary>Each phrase as its folded words, in the order typed, without repeats.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Phrases { get; }

    /// <summary>Each phrase as the stems of its words, in the same order as <see cref="Phrases"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Stems { get; }

    /// <summary>The last word of the last phrase is also matched as the start of longer words ("regulariz" finds "regularization").</summary>
    public bool LastIsPrefix { get; }

    /// <summary>Nothing to look for: the text had no letter or digit.</summary>
    public bool IsEmpty => Phrases.Count == 0;

    public static SearchPhrases Parse(string text)
    {
        var phrases = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var words = SearchWords.Split(part).Select(w => w.Folded).ToList();
            if (words.Count > 0 && seen.Add(string.Join(' ', words)))
            {
                phrases.Add(words);
            }
        }
        return new SearchPhrases(phrases);
    }
}
