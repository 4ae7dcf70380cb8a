using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;
using PaperListing.Web.Search;

namespace PaperListing.Web.Pages.Shared;

/// <summary>
/// Turns the <see cref="SearchReader"/>'s answer into a page of results, for /search and a listing's page: a filter
/// naming nothing is a 400 saying which, a page past the last a 404 linking the last, else the results to show.
/// </summary>
public static class SearchResultsPages
{
    public static async Task<(SearchView? View, IActionResult? Refusal)> ReadSearchResultsAsync(this PageModel page, SearchReader reader, IStringLocalizer localizer,
        PapersDbContext db, SearchQuery query, int? listingId, bool listingHoldsEveryPaper, CancellationToken cancellationToken)
    {
        string Href(SearchQuery q) => SiteLinks.SearchResults(page.Request, q);
        string PageHref(int n) => Href(query with { Page = n });
        switch (await reader.ReadAsync(db, query, listingId, listingHoldsEveryPaper, cancellationToken))
        {
            case ListPage<SearchPage>.Found found:
                var list = PaperListView.Of(found, found.Content.Papers, PageHref);
                page.ViewData[Pager.ViewDataKey] = list.Pager;
                if (found.Content.Phrases is { } phrases)
                {
                    page.ViewData[SearchHighlight.ViewDataKey] = new SearchHighlight(phrases);
                }
                var results = found.Content;
                return (new SearchView(query, results.Filters, found.Total, list, results.Facets, Href) { NothingToFind = results.NothingToFind }, null);
            case ListPage<SearchPage>.PastEnd pastEnd:
                return (null, page.NotFoundPage(pastEnd.Refusal(ListWording.Results, localizer, PageHref)));
            case ListPage<SearchPage>.NotFound notFound:
                return (null, page.BadRequestPage(notFound.Reason ?? ""));
            default:
                throw new InvalidOperationException("A list page is found, past the end or not found.");
        }
    }
}
