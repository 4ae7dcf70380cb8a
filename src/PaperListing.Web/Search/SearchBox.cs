namespace PaperListing.Web.Search;

/// <summary>What the search box in the header needs: where it searches, what it holds, and the filters it keeps.</summary>
public sealed record SearchBox(string? ListingSlug, SearchQuery? Current)
{
    /// <summary>Where the pages leave it for the layout (a view-data key).</summary>
    public const string ViewDataKey = "PaperListing.SearchBox";
}
