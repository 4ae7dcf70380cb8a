using System.Globalization;

namespace PaperListing.Web;

/// <summary>
/// The site's addresses, in one place, so every link is written the same way and carries the path base. Absolute
/// forms come from the request (scheme, host, path base), so a reverse proxy's forwarded headers flow through.
/// </summary>
public static class SiteLinks
{
    public static string Listing(HttpRequest request, string? slug, int page = 1) =>
        $"{request.PathBase}{(slug is null ? "/" : $"/related/{Escape(slug)}")}{PageQuery(page)}";

    /// <summary>A view of the papers: /search across listings, or a listing's own address, with the query in its one canonical form.</summary>
    public static string SearchResults(HttpRequest request, Search.SearchQuery query) =>
        $"{request.PathBase}{(query.ListingSlug is null ? "/search" : $"/related/{Escape(query.ListingSlug)}")}{query.ToQueryString()}";

    /// <summary>A paper's canonical address: its id, then a readable slug (see <see cref="Papers.PaperSlug"/>).</summary>
    public static string Paper(HttpRequest request, string publicId, string slug) =>
        $"{request.PathBase}/papers/{Escape(publicId)}/{Escape(slug)}";

    /// <summary>A paper's place in a listing: the listing page it is on, at its entry.</summary>
    public static string ListingEntry(HttpRequest request, string listingSlug, int position, string publicId) =>
        $"{Listing(request, listingSlug, Paging.PageRange.PageOf(position))}#{Escape(publicId)}";

    public static string Author(HttpRequest request, string slug, int page = 1) =>
        $"{request.PathBase}/authors/{Escape(slug)}{PageQuery(page)}";

    /// <summary>A category's or a field's page: they share the /subjects/ namespace.</summary>
    public static string Subject(HttpRequest request, string slug, int page = 1) =>
        $"{request.PathBase}/subjects/{Escape(slug)}{PageQuery(page)}";

    public static string PaperBibTex(HttpRequest request, string publicId) => $"{request.PathBase}/papers/{Escape(publicId)}.bib";

    public static string PaperRis(HttpRequest request, string publicId) => $"{request.PathBase}/papers/{Escape(publicId)}.ris";

    public static string ListingBibTex(HttpRequest request, string slug, int page = 1) =>
        $"{request.PathBase}/related/{Escape(slug)}.bib{PageQuery(page)}";

    public static string ListingFeed(HttpRequest request, string slug) => $"{request.PathBase}/related/{Escape(slug)}/feed.atom";

    public static string About(HttpRequest request) => $"{request.PathBase}/about";

    public static string Sitemap(HttpRequest request) => $"{request.PathBase}/sitemap.xml";

    public static string ApiListings(HttpRequest request) => $"{request.PathBase}/api/listings";

    public static string ApiListingPapers(HttpRequest request, string slug, int page = 1) =>
        $"{request.PathBase}/api/listings/{Escape(slug)}/papers{PageQuery(page)}";

    public static string ApiPaper(HttpRequest request, string publicId) => $"{request.PathBase}/api/papers/{Escape(publicId)}";

    /// <summary>Suggestions for the search box, as JSON (<c>?q=</c> is added by the page's script).</summary>
    public static string ApiSuggestions(HttpRequest request) => $"{request.PathBase}/api/suggestions";

    /// <summary>The papers most alike one, as JSON.</summary>
    public static string ApiSimilarPapers(HttpRequest request, string publicId) => $"{ApiPaper(request, publicId)}/similar";

    /// <summary>The similar papers' section of a paper's page.</summary>
    public static string SimilarPapers(HttpRequest request, string publicId, string slug) => Paper(request, publicId, slug) + SimilarSection;

    /// <summary>The fragment of that section, for a card that already holds the paper's address.</summary>
    public const string SimilarSection = "#similar";

    /// <summary>A reading list: the list is its address (see <see cref="Lists.ReadingListAddress"/>); without one, the empty list.</summary>
    public static string ReadingList(HttpRequest request, Lists.ReadingListAddress? list = null) => $"{request.PathBase}/list{list?.ToQueryString()}";

    public static string ReadingListBibTex(HttpRequest request, Lists.ReadingListAddress list) => $"{request.PathBase}/list.bib{list.ToQueryString()}";

    public static string ReadingListRis(HttpRequest request, Lists.ReadingListAddress list) => $"{request.PathBase}/list.ris{list.ToQueryString()}";

    public static string ApiReadingList(HttpRequest request, Lists.ReadingListAddress list) => $"{request.PathBase}/api/list{list.ToQueryString()}";

    /// <summary>An absolute URL for a site-relative href made above (one that already carries the path base).</summary>
    public static string Absolute(HttpRequest request, string href) => $"{request.Scheme}://{request.Host.ToUriComponent()}{href}";

    private static string PageQuery(int page) => page > 1 ? string.Create(CultureInfo.InvariantCulture, $"?page={page}") : "";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
