using System.Collections.Concurrent;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace PaperListing.Web.Search;

/// <summary>
/// English stems of folded words, by the Snowball English stemmer (the one PostgreSQL's "english" configuration
/// uses): "tensors" is "tensor", "regularize", "regularization" and "regularizing" are all "regular". The site stems
/// words itself, for the index, the query and the highlighting alike, so both database engines hold the very same
/// stems and find the very same papers, and what is marked is what was found.
/// </summary>
public static class WordStems
{
    /// <summary>Words remembered with their stems: a vocabulary repeats, and a stem costs a microsecond or so to make.</summary>
    private const int MaxRemembered = 200_000;

    private static readonly ConcurrentDictionary<string, string> Remembered = new(StringComparer.Ordinal);

    // A stemmer holds the word it is working on, so each thread has its own.
    [ThreadStatic]
    private static EnglishStemmer? _stemmer;

    /// <summary>The stem of a folded word (lower case, without diacritics, as <see cref="SearchWords.Fold"/> makes it).</summary>
    public static string Stem(string folded)
    {
        if (Remembered.TryGetValue(folded, out var known))
        {
            return known;
        }
        var stemmer = _stemmer ??= new EnglishStemmer();
        stemmer.SetCurrent(folded);
        stemmer.Stem();
        var stem = stemmer.Current;
        if (Remembered.Count < MaxRemembered)
        {
            Remembered.TryAdd(folded, stem);
        }
        return stem;
    }

    /// <summary>The stems of a text's words, in order, separated by spaces: what the index holds beside the text itself.</summary>
    public static string OfText(string text)
    {
        var words = SearchWords.Split(text);
        var stems = new StringBuilder(text.Length);
        foreach (var word in words)
        {
            stems.Append(stems.Length == 0 ? "" : " ").Append(Stem(word.Folded));
        }
        return stems.ToString();
    }
}
