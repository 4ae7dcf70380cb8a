namespace PaperListing.Web;

/// <summary>The site's addresses, in one place, so every link is written the same way (and carries the path base).</summary>
public static class SiteLinks
{
    public static string Listing(HttpRequest request, string? slug, int page = 1) =>
        $"{request.PathBase}{(slug is null ? "/" : $"/related/{Uri.EscapeDataString(slug)}")}{(page > 1 ? $"?page={page}" : "")}";
}
