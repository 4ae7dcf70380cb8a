using System.Globalization;
using System.Text;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Exports;

/// <summary>
/// RIS for reference managers (Zotero, EndNote, Mendeley): a generic record (TY GEN), CRLF line ends as the format
/// asks, names as the source gives them. Like the BibTeX, no title is invented: TI appears only when one is known.
/// </summary>
public static class RisWriter
{
    public static string Write(PaperCard paper, string url)
    {
        var ris = new StringBuilder();
        void Tag(string tag, string value) => ris.Append(CultureInfo.InvariantCulture, $"{tag}  - {OneLine(value)}\r\n");

        Tag("TY", "GEN");
        Tag("ID", CitationKey.For(paper));
        if (paper.Label.IsTitle)
        {
            Tag("TI", paper.Label.Text);
        }
        foreach (var author in paper.Authors)
        {
            Tag("AU", author.Name);
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
        if (!paper.Label.IsTitle)
        {
            Tag("N1", $"No title in the source; abstract begins “{PaperLabel.Excerpt(paper.Abstract, PaperLabel.ExcerptLength)}”");
        }
        Tag("UR", url);
        ris.Append("ER  - \r\n");
        return ris.ToString();
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("\0", "", StringComparison.Ordinal);
}
