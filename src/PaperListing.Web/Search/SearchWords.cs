using System.Globalization;
using System.Text;

namespace PaperListing.Web.Search;

/// <summary>
/// Words the way the full-text index sees them: runs of letters and digits (anything else separates them), compared
/// without case or diacritics, so "Schölpple" and "scholpple" are one word. The same rule splits a search into
/// phrases and finds the matches to highlight, whatever the database engine.
/// </summary>
public static class SearchWords
{
    /// <summary>A word of a text: where it starts, how long it is, and its folded form.</summary>
    public readonly record struct Word(int Start, int Length, string Folded);

    /// <summary>The longest ASCII word folded on the stack; a longer one takes the general way.</summary>
    private const int MaxAsciiFold = 256;

    public static List<Word> Split(string text)
    {
        var words = new List<Word>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text, i);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(new Word(start, i - start, Fold(text.AsSpan(start, i - start))));
                start = -1;
            }
        }
        return words;
    }

    /// <summary>Lower case, without diacritics: "Schölpple" is "scholpple".</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        // ASCII has no diacritics, no decompositions and no case but A to Z's: lower-casing is the whole fold.
        if (word.Length <= MaxAsciiFold && Ascii.IsValid(word))
        {
            Span<char> lower = stackalloc char[word.Length];
            Ascii.ToLower(word, lower, out _);
            return new string(lower);
        }
        return FoldAny(word);
    }

    /// <summary>The fold of any text, through the Unicode decomposition (what <see cref="Fold"/> gives for every word).</summary>
    internal static string FoldAny(ReadOnlySpan<char> word)
    {
        var decomposed = word.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Letters, digits, combining marks and private-use characters (as the index's unicode61 tokenizer has them); pairs count as one.</summary>
    private static bool IsWordChar(string text, int i)
    {
        if (char.IsAscii(text[i]))
        {
            // The same answer as below, without the look-ups: in ASCII only letters and digits are any of these.
            return char.IsAsciiLetterOrDigit(text[i]);
        }
        if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))
        {
            return IsWordChar(text, i - 1);
        }
        return char.IsLetterOrDigit(text, i)
            || CharUnicodeInfo.GetUnicodeCategory(text, i) is UnicodeCategory.NonSpacingMark or UnicodeCategory.PrivateUse;
    }
}
