namespace PaperListing.Web.Papers;

/// <summary>
/// The title reference managers are given: the source's title as is, or, since the seeds give none, a title supplied
/// by the site and marked as such the way cataloguers mark a devised title: the abstract's own first sentence in
/// square brackets, cut at a word if very long. The same text goes into every title field (citation_title, BibTeX,
/// RIS, COinS, the JSON API).
/// </summary>
public sealed record CitationTitle(string Text, bool IsSupplied)
{
    /// <summary>A first sentence longer than this is cut at a word, with "…".</summary>
    public const int MaxSentenceLength = 200;

    public static CitationTitle Of(string? title, string @abstract) =>
        string.IsNullOrWhiteSpace(title)
            ? new CitationTitle($"[{PaperLabel.Excerpt(FirstSentence.Of(@abstract).First, MaxSentenceLength)}]", true)
            : new CitationTitle(title.Trim(), false);

    public static CitationTitle Of(PaperCard paper) => Of(paper.Title, paper.Abstract);
}
