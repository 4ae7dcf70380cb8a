using System.Text;

namespace PaperListing.Web.Importing.Parsing;

/// <summary>
/// Characters a seed may carry that change how text around them is shown without being seen themselves:
/// bidirectional controls (which can make a paper's text read differently from what it says), C0/C1 control
/// characters and stray byte-order marks. Seeds are untrusted, so these are removed as each line is read.
/// </summary>
public static class InvisibleControls
{
    public static bool IsInvisibleControl(char c) =>
        c is '\u200E' or '\u200F' or '\u061C' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
        || (char.IsControl(c) && c != '\t');

    /// <summary>The text without them; <paramref name="removed"/> says how many went.</summary>
    public static string Strip(string text, out int removed)
    {
        removed = 0;
        var first = text.AsSpan().IndexOfAny(Invisible);
        if (first < 0)
        {
            return text;
        }
        var kept = new StringBuilder(text.Length);
        kept.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (IsInvisibleControl(text[i]))
            {
                removed++;
            }
            else
            {
                kept.Append(text[i]);
            }
        }
        return removed == 0 ? text : kept.ToString();
    }

    /// <summary>The same characters, for a fast search of the many lines that have none.</summary>
    private static readonly System.Buffers.SearchValues<char> Invisible = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(IsInvisibleControl).ToArray());
}
