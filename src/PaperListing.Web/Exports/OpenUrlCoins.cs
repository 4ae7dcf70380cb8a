using System.Globalization;
using System.Text;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Exports;

/// <summary>
/// COinS (an OpenURL ContextObject in a span's title): what lets a reference manager offer every paper of a page of
/// many papers as an item of its own (Zotero's COinS translator). Written as Zotero itself writes one for a
/// manuscript (Dublin Core format, <c>rft.type=manuscript</c>), with the same title, inverted names, date, abstract
/// and address as the other routes. Pages that describe one paper carry Highwire tags instead and no COinS, so that
/// the paper is what a reference manager offers there (<see cref="LeaveOut"/>).
/// </summary>
public static class OpenUrlCoins
{
    public const string ClassName = "Z3988";
    private const string SinglePaperKey = "PaperListing.SinglePaperPage";

    /// <summary>The ContextObject of <paramref name="paper"/>, whose page is <paramref name="url"/>, as a query string.</summary>
    public static string ContextObject(PaperCard paper, string url)
    {
        var co = new StringBuilder("ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Adc&rft.type=manuscript");
        void Add(string key, string value) => co.Append('&').Append(key).Append('=').Append(Uri.EscapeDataString(value));

        Add("rft.title", CitationTitle.Of(paper).Text);
        foreach (var author in paper.Authors)
        {
            Add("rft.au", PersonName.Of(author.Name).InvertedSuffixLast);
        }
        if (paper.Published is { } published)
        {
            Add("rft.date", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        Add("rft.description", paper.Abstract);
        foreach (var subject in paper.Subjects)
        {
            Add("rft.subject", subject.Keyword);
        }
        Add("rft.identifier", url);
        return co.ToString();
    }

    /// <summary>Marks the page being made as one paper's own, which carries no COinS (see the summary).</summary>
    public static void LeaveOut(HttpContext context) => context.Items[SinglePaperKey] = true;

    public static bool IsLeftOut(HttpContext context) => context.Items.ContainsKey(SinglePaperKey);
}
