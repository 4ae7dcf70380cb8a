using System.Text;

namespace PaperListing.Web.Exports;

/// <summary>
/// Text in a BibTeX field, written so that BibTeX readers give back the very characters of the seed: biber, citation-js
/// and python's bibtexparser are each checked against every seed paper. LaTeX's specials are written as the commands
/// all of them decode (<c>\textdollar{}</c>, <c>\textbackslash{}</c>, <c>\textasciitilde{}</c>, <c>\%</c> ...), and
/// character pairs that TeX and these readers turn into other characters (<c>--</c> into a dash, two backquotes into
/// a curly quote) are kept apart by an empty group (<c>-{}-</c>). <c>^</c> is written as is: citation-js misreads
/// <c>\^{}</c> and bibtexparser 1.x does not know <c>\textasciicircum</c>. Other characters, non-ASCII included, stay as
/// they are (the files are UTF-8).
/// </summary>
public static class BibTexText
{
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            escaped.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '~' => @"\textasciitilde{}",
                '$' => @"\textdollar{}",
                '&' or '%' or '#' or '_' or '{' or '}' => $"\\{c}",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
            if (i + 1 < text.Length && IsLigature(c, text[i + 1]))
            {
                escaped.Append("{}");
            }
        }
        return escaped.ToString();
    }

    /// <summary>Pairs that TeX's fonts (and citation-js) read as one character: -- `` '' ?` !` &lt;&lt; &gt;&gt; ,,</summary>
    private static bool IsLigature(char first, char second) =>
        (first, second) is ('-', '-') or ('`', '`') or ('\'', '\'') or ('?', '`') or ('!', '`') or ('<', '<') or ('>', '>') or (',', ',');
}
