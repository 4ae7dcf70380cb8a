using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PaperListing.Web;

/// <summary>A link in the page head, such as a listing's Atom feed.</summary>
public sealed record HeadLink(string Rel, string Type, string Href, string Title);

/// <summary>
/// What the layout says about a page to browsers, link previews, crawlers and reference managers: the title, a
/// description, the canonical absolute URL, OpenGraph type, and extra meta tags (Highwire Press citation tags).
/// Each page sets one; the layout writes the tags.
/// </summary>
public sealed record PageMetadata(string Title, string Description, string CanonicalUrl, string OgType = "website")
{
    public const string SiteName = "PaperListing";
    private const string Key = "PaperListing.PageMetadata";

    public IReadOnlyList<HeadLink> Links { get; init; } = [];

    /// <summary>Meta tags in order, as name and content (several may share a name, e.g. citation_author).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Meta { get; init; } = [];

    /// <summary>Error pages are not for search engines.</summary>
    public bool NoIndex { get; init; }

    public static void Set(ViewDataDictionary viewData, PageMetadata metadata) => viewData[Key] = metadata;

    public static PageMetadata? Get(ViewDataDictionary viewData) => viewData[Key] as PageMetadata;

    /// <summary>A one-line description of at most about 200 characters, cut at a word.</summary>
    public static string Describe(string text) => Papers.PaperLabel.Excerpt(text, 200);
}
