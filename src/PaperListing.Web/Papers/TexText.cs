namespace PaperListing.Web.Papers;

/// <summary>One piece of an abstract: plain text, or a TeX formula with its delimiters (typeset on the server, or shown as source).</summary>
public readonly record struct TexPiece(string Text, bool IsMath, bool IsDisplay);

/// <summary>
/// Finds the TeX formulas in an abstract: <c>$…$</c>, <c>$$…$$</c>, <c>\(…\)</c> and <c>\[…\]</c>. The page typesets
/// them, and search marks never land inside one. A single <c>$</c> opens only
/// before a non-space and closes only after a non-space and before a non-digit, so "$5 and $10" stays text; an
/// escaped <c>\$</c> is a literal dollar, written without its backslash.
/// </summary>
public static class TexText
{
    /// <summary>Whether the text holds at least one formula (then its page loads KaTeX).</summary>
    public static bool HasMath(string text) =>
        (text.Contains('$', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal)) && Split(text).Exists(p => p.IsMath);

    public static List<TexPiece> Split(string text)
    {
        var pieces = new List<TexPiece>();
        var plain = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '$')
            {
                plain.Append('$');
                i += 2;
                continue;
            }
            var end = MathEnd(text, i, out var display);
            if (end < 0)
            {
                plain.Append(text[i]);
                i++;
                continue;
            }
            if (plain.Length > 0)
            {
                pieces.Add(new TexPiece(plain.ToString(), false, false));
                plain.Clear();
            }
            pieces.Add(new TexPiece(text[i..end], true, display));
            i = end;
        }
        if (plain.Length > 0)
        {
            pieces.Add(new TexPiece(plain.ToString(), false, false));
        }
        return pieces;
    }

    /// <summary>Where the formula opening at <paramref name="at"/> ends (past its closing delimiter), or -1 when none opens there.</summary>
    private static int MathEnd(string text, int at, out bool display)
    {
        display = false;
        if (Starts(text, at, "$$"))
        {
            display = true;
            return Closing(text, at + 2, "$$");
        }
        if (Starts(text, at, "\\["))
        {
            display = true;
            return Closing(text, at + 2, "\\]");
        }
        if (Starts(text, at, "\\("))
        {
            return Closing(text, at + 2, "\\)");
        }
        if (text[at] != '$' || at + 1 >= text.Length || char.IsWhiteSpace(text[at + 1]))
        {
            return -1;
        }
        for (var j = at + 1; j < text.Length; j++)
        {
            if (text[j] == '\\')
            {
                j++; // \$ and other escapes inside the formula
                continue;
            }
            if (text[j] == '$')
            {
                var closes = !char.IsWhiteSpace(text[j - 1]) && (j + 1 >= text.Length || !char.IsAsciiDigit(text[j + 1]));
                return closes ? j + 1 : -1;
            }
        }
        return -1;
    }

    /// <summary>The end of <paramref name="delimiter"/> after a non-empty body, skipping escaped characters; -1 when it never closes.</summary>
    private static int Closing(string text, int from, string delimiter)
    {
        for (var j = from; j < text.Length; j++)
        {
            if (Starts(text, j, delimiter))
            {
                return j > from ? j + delimiter.Length : -1;
            }
            if (text[j] == '\\')
            {
                j++;
            }
        }
        return -1;
    }

    /// <summary>A formula's TeX without its delimiters (<c>$</c>, <c>$$</c>, <c>\(</c>, <c>\[</c> and their closers).</summary>
    public static string Body(string formula)
    {
        var delimiter = formula.StartsWith("$$", StringComparison.Ordinal) || formula.StartsWith('\\') ? 2 : 1;
        return formula[delimiter..^delimiter];
    }

    private static bool Starts(string text, int at, string what) => string.CompareOrdinal(text, at, what, 0, what.Length) == 0;
}
