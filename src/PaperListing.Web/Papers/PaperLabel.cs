namespace PaperListing.Web.Papers;

/// <summary>
/// How a paper is named where its abstract is not shown in full: by its title when the source gives one, otherwise by
/// the start of its abstract, which is marked as an excerpt (quoted) and never passed off as a title.
/// </summary>
public sealed record PaperLabel(string Text, bool IsTitle)
{
    public const int ExcerptLength = 90;

    public static PaperLabel Of(string? title, string @abstract) =>
        string.IsNullOrWhiteSpace(title) ? new PaperLabel(Excerpt(@abstract, ExcerptLength), false) : new PaperLabel(title.Trim(), true);

    /// <summary>The label as plain text: a title as is, an excerpt in quotation marks.</summary>
    public string Quoted => IsTitle ? Text : $"“{Text}”";

    /// <summary>The start of <paramref name="text"/>, cut at a word boundary, with "…" when anything was cut.</summary>
    public static string Excerpt(string text, int maxLength)
    {
        // A long text's start is enough when it holds more than maxLength characters once its spaces are collapsed.
        var trimmed = Collapsed(text.Length > 4 * maxLength ? text[..(4 * maxLength)] : text);
        if (trimmed.Length <= maxLength && text.Length > 4 * maxLength)
        {
            trimmed = Collapsed(text);
        }
        if (trimmed.Length <= maxLength)
        {
            return trimmed.Length == 0 ? "(no abstract)" : trimmed;
        }
        var cut = trimmed.LastIndexOf(' ', maxLength);
        var start = (cut > maxLength / 2 ? trimmed[..cut] : trimmed[..maxLength]).TrimEnd(',', ';', ':', '.', ' ', '…');
        return $"{start}…";
    }

    private static string Collapsed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
