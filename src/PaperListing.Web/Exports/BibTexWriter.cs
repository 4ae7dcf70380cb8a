using System.Globalization;
using System.Text;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Exports;

/// <summary>
/// BibTeX for papers: one @misc entry each (the source names no venue), UTF-8 with names and text kept as given, and
/// the characters LaTeX treats specially escaped. A paper without a title gets no title field (none is invented):
/// its abstract is in <c>abstract</c>, and <c>note</c> quotes the start of it so a printed bibliography names it.
/// </summary>
public static class BibTexWriter
{
    /// <summary>The entries of <paramref name="papers"/>, each with the absolute URL of its page.</summary>
    public static string Write(IEnumerable<(PaperCard Paper, string Url)> papers) =>
        string.Join("\n", papers.Select(p => Entry(p.Paper, p.Url)));

    public static string Entry(PaperCard paper, string url)
    {
        var fields = new List<(string Name, string Value)>();
        if (paper.Authors.Count > 0)
        {
            fields.Add(("author", string.Join(" and ", paper.Authors.Select(a => Name(a.Name)))));
        }
        if (paper.Label.IsTitle)
        {
            fields.Add(("title", $"{{{Escape(paper.Label.Text)}}}"));
        }
        if (paper.Published is { } published)
        {
            fields.Add(("year", published.Year.ToString("D4", CultureInfo.InvariantCulture)));
            fields.Add(("date", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        fields.Add(("abstract", Escape(paper.Abstract)));
        if (paper.Subjects.Count > 0)
        {
            fields.Add(("keywords", Escape(string.Join(", ", paper.Subjects.Select(s => s.Keyword)))));
        }
        if (!paper.Label.IsTitle)
        {
            fields.Add(("note", $"No title in the source; abstract begins ``{Escape(PaperLabel.Excerpt(paper.Abstract, PaperLabel.ExcerptLength))}''"));
        }
        fields.Add(("url", url));

        var entry = new StringBuilder();
        entry.Append(CultureInfo.InvariantCulture, $"@misc{{{CitationKey.For(paper)},\n");
        entry.AppendJoin(",\n", fields.Select(f => $"  {f.Name} = {{{f.Value}}}"));
        entry.Append("\n}\n");
        return entry.ToString();
    }

    /// <summary>A name as given; one holding the word "and" is braced so BibTeX keeps it one name.</summary>
    private static string Name(string name)
    {
        var escaped = Escape(name);
        return $" {name} ".Contains(" and ", StringComparison.OrdinalIgnoreCase) ? $"{{{escaped}}}" : escaped;
    }

    /// <summary>Escapes &amp; % $ # _ { } ~ ^ \ for LaTeX; other characters, non-ASCII included, stay as they are.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                '&' or '%' or '$' or '#' or '_' or '{' or '}' => $"\\{c}",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
