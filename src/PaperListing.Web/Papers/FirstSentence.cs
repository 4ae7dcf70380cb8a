namespace PaperListing.Web.Papers;

/// <summary>
/// The first sentence of an abstract and what follows it. The seeds give no titles, so the card's heading and the
/// title supplied to reference managers are made of the abstract's own first sentence, never of invented words.
/// </summary>
public readonly record struct FirstSentence(string First, string Rest)
{
    /// <summary>Words that end with a full stop without ending a sentence.</summary>
    private static readonly string[] Abbreviations =
        ["e.g.", "i.e.", "et al.", "etc.", "vs.", "cf.", "Fig.", "Figs.", "Eq.", "Eqs.", "Sec.", "Ref.", "resp.", "approx.", "Dr.", "Prof.", "Mr.", "Ms.", "No."];

    /// <summary>
    /// Splits <paramref name="text"/> after its first sentence: a '.', '?' or '!' (optionally closed by a quote or
    /// bracket) followed by a space, outside TeX math, not after an abbreviation or a single initial. A text with no such
    /// end is all first sentence. Whitespace is kept as given, except that Rest starts at the next word.
    /// </summary>
    public static FirstSentence Of(string text)
    {
        var inMath = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                i++; // an escaped character (\$, \.) never opens math or ends a sentence
                continue;
            }
            if (c == '$')
            {
                inMath = !inMath;
                continue;
            }
            if (inMath || c is not ('.' or '?' or '!'))
            {
                continue;
            }
            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or ')' or ']' or '”' or '’')
            {
                end++;
            }
            if (end >= text.Length || !char.IsWhiteSpace(text[end]) || (c == '.' && EndsWithAbbreviation(text, i)))
            {
                continue;
            }
            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }
            if (next < text.Length && char.IsLower(text[next]))
            {
                continue; // "... in Sec. 3. we ..." style fragments: a lower-case word does not start a sentence
            }
            return new FirstSentence(text[..end], text[next..]);
        }
        return new FirstSentence(text.TrimEnd(), "");
    }

    private static bool EndsWithAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] != '(')
        {
            start--;
        }
        var word = text[start..(dot + 1)];
        if (word.Length == 2 && char.IsUpper(word[0]))
        {
            return true; // an initial, as in "J. Smith"
        }
        return Abbreviations.Any(a => word.EndsWith(a, StringComparison.Ordinal) && (word.Length == a.Length || !char.IsLetter(word[^(a.Length + 1)])));
    }
}
