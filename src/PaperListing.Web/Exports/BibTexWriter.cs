using System.Globalization;
using System.Text;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Exports;

/// <summary>
/// BibTeX for papers: one @unpublished entry each (a paper without a venue is a manuscript: Zotero files it as one,
/// citation-js as CSL "manuscript", biblatex's data model knows it), UTF-8, with names inverted ("Family, Given", see
/// <see cref="BibTexNames"/>) and text escaped so that BibTeX readers give back exactly the seed's characters
/// (<see cref="BibTexText"/>). Every entry has a title: the source's, or one supplied from the abstract's first
/// sentence in square brackets (<see cref="CitationTitle"/>), which <c>note</c> then says.
/// </summary>
public static class BibTexWriter
{
    public const string EntryType = "unpublished";

    /// <summary>The entries of <paramref name="papers"/>, each with the absolute URL of its page.</summary>
    public static string Write(IEnumerable<(PaperCard Paper, string Url)> papers) =>
        string.Join("\n", papers.Select(p => Entry(p.Paper, p.Url)));

    public static string Entry(PaperCard paper, string url)
    {
        var title = CitationTitle.Of(paper);
        var fields = new List<(string Name, string Value)>();
        if (paper.Authors.Count > 0)
        {
            fields.Add(("author", BibTexNames.Field(paper.Authors.Select(a => a.Name))));
        }
        // Braced whole, so that no style changes its letter case: a source's title, or a quotation of the abstract.
        fields.Add(("title", $"{{{BibTexText.Escape(title.Text)}}}"));
        if (paper.Published is { } published)
        {
            fields.Add(("year", published.Year.ToString("D4", CultureInfo.InvariantCulture)));
            fields.Add(("date", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        fields.Add(("abstract", BibTexText.Escape(paper.Abstract)));
        if (paper.Subjects.Count > 0)
        {
            fields.Add(("keywords", BibTexText.Escape(string.Join(", ", paper.Subjects.Select(s => s.Keyword)))));
        }
        if (title.IsSupplied)
        {
            fields.Add(("note", "Title supplied from the first sentence of the abstract; the source gives none"));
        }
        fields.Add(("url", url));

        var entry = new StringBuilder();
        entry.Append(CultureInfo.InvariantCulture, $"@{EntryType}{{{CitationKey.For(paper)},\n");
        entry.AppendJoin(",\n", fields.Select(f => $"  {f.Name} = {{{f.Value}}}"));
        entry.Append("\n}\n");
        return entry.ToString();
    }
}
