using PaperListing.Web.Search;

namespace PaperListing.Web.Pages.Shared;

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
