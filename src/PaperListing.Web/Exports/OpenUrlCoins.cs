using System.Buffers;
using System.Globalization;
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
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, paper, url, "&");
        return writer.ToString();
    }

    /// <summary>
    /// The same ContextObject written straight into an HTML attribute: every value is percent-encoded (letters,
    /// digits and <c>-._~</c> are all it leaves), so the separators are the only characters HTML needs encoded.
    /// </summary>
    public static void WriteAttribute(TextWriter writer, PaperCard paper, string url) => Write(writer, paper, url, "&amp;");

    private static void Write(TextWriter writer, PaperCard paper, string url, string separator)
    {
        writer.Write("ctx_ver=Z39.88-2004");
        writer.Write(separator);
        writer.Write("rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Adc");
        writer.Write(separator);
        writer.Write("rft.type=manuscript");
        void Add(string key, string value)
        {
            writer.Write(separator);
            writer.Write(key);
            writer.Write('=');
            Escaped(writer, value);
        }

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
    }

    /// <summary>As <see cref="Uri.EscapeDataString(string)"/>, into a pooled buffer rather than a new string.</summary>
    private static void Escaped(TextWriter writer, string value)
    {
        // A UTF-16 unit becomes at most three UTF-8 bytes, each written as %XX.
        var buffer = ArrayPool<char>.Shared.Rent(value.Length * 9 + 1);
        try
        {
            if (!Uri.TryEscapeDataString(value, buffer, out var written))
            {
                throw new InvalidOperationException("The escape buffer was too small.");
            }
            writer.Write(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Marks the page being made as one paper's own, which carries no COinS (see the summary).</summary>
    public static void LeaveOut(HttpContext context) => context.Items[SinglePaperKey] = true;

    public static bool IsLeftOut(HttpContext context) => context.Items.ContainsKey(SinglePaperKey);
}
