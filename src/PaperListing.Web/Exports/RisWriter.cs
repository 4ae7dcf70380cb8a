using System.Globalization;
using System.Text;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Exports;

/// <summary>
/// RIS for reference managers (Zotero, EndNote, Mendeley, citation-js): a manuscript record (TY MANSCPT, which Zotero
/// and citation-js both read as a manuscript, as they read the BibTeX's @unpublished), CRLF line ends as the format asks,
/// names inverted ("Family, Given", <see cref="PersonName"/>), and the same title as every other route
/// (<see cref="CitationTitle"/>). No ID tag: RIS readers ignore it, and citation-js takes a record with ID but no date
/// for the old RIS dialect, in which AB is a note.
/// </summary>
public static class RisWriter
{
    public const string RecordType = "MANSCPT";

    /// <summary>The records of <paramref name="papers"/>, each with the absolute URL of its page.</summary>
    public static string Write(IEnumerable<(PaperCard Paper, string Url)> papers) =>
        string.Concat(papers.Select(p => Write(p.Paper, p.Url)));

    public static string Write(PaperCard paper, string url)
    {
        var ris = new StringBuilder();
        void Tag(string tag, string value) => ris.Append(CultureInfo.InvariantCulture, $"{tag}  - {OneLine(value)}\r\n");

        var title = CitationTitle.Of(paper);
        Tag("TY", RecordType);
        Tag("TI", title.Text);
        foreach (var author in paper.Authors)
        {
            Tag("AU", Author(author.Name));
        }
        if (paper.Published is { } published)
        {
            Tag("PY", published.Year.ToString("D4", CultureInfo.InvariantCulture));
            Tag("DA", published.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture));
        }
        Tag("AB", paper.Abstract);
        foreach (var subject in paper.Subjects)
        {
            Tag("KW", subject.Keyword);
        }
        if (title.IsSupplied)
        {
            Tag("N1", "Title supplied from the first sentence of the abstract; the source gives none");
        }
        Tag("UR", url);
        ris.Append("ER  - \r\n");
        return ris.ToString();
    }

    /// <summary>"Family, Given"; a single name ends with a comma so that readers take it for a family name, not an organisation.</summary>
    private static string Author(string name)
    {
        var person = PersonName.Of(name);
        return person.Given.Length == 0 ? $"{person.Family}," : person.Inverted;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("\0", "", StringComparison.Ordinal);
}
