using PaperListing.Web.Pages.Shared;

namespace PaperListing.Web.Search;

/// <summary>What the results of a search show: the query, the names of its filters, the count, a page of papers, the facets.</summary>
public sealed record SearchView(
    SearchQuery Query,
    SearchFilters Filters,
    int Total,
    PaperListView List,
    SearchFacets Facets,
    Func<SearchQuery, string> Href)
{
    /// <summary>Words were typed, but none holds a letter or digit: nothing can match.</summary>
    public bool NothingToFind { get; init; }
}

/// <summary>What the search box in the header needs: where it searches, what it holds, and the filters it keeps.</summary>
public sealed record SearchBox(string? ListingSlug, SearchQuery? Current)
{
    /// <summary>Where the pages leave it for the layout (a view-data key).</summary>
    public const string ViewDataKey = "PaperListing.SearchBox";
}
