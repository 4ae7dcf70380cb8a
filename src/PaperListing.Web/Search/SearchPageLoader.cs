using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Data;
using PaperListing.Web.Pages.Shared;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Search;

/// <summary>
/// The read path of a page of search results, shared by /search and a listing's page: filters are resolved (an
/// unknown subject or author is a 400), the page of papers and the facets are loaded, a page past the last is a 404.
/// </summary>
public sealed class SearchPageLoader(SearchResults results, SearchFacetCounter facets, IStringLocalizer<SharedResource> localizer,
    Metrics.SiteMetrics metrics)
{
    public async Task<(SearchView? View, IActionResult? Refusal)> LoadAsync(
        PageModel page, PapersDbContext db, SearchQuery query, int? listingId, bool listingHoldsEveryPaper, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            return await LoadTimedAsync(page, db, query, listingId, listingHoldsEveryPaper, cancellationToken);
        }
        finally
        {
            metrics.SearchTook(clock.Elapsed);
        }
    }

    private async Task<(SearchView? View, IActionResult? Refusal)> LoadTimedAsync(
        PageModel page, PapersDbContext db, SearchQuery query, int? listingId, bool listingHoldsEveryPaper, CancellationToken cancellationToken)
    {
        var (filters, error) = await SearchFilters.ResolveAsync(db, listingId, listingHoldsEveryPaper, query, localizer, cancellationToken);
        if (filters is null)
        {
            return (null, page.BadRequestPage(error!));
        }
        var phrases = query.HasWords ? SearchPhrases.Parse(query.Q) : null;
        var found = await results.PageAsync(db, query, filters, phrases, cancellationToken);
        string Href(SearchQuery q) => SiteLinks.SearchResults(page.Request, q);
        if (query.Page > found.PageCount)
        {
            return (null, page.NotFoundPage(
                found.PageCount == 1
                    ? localizer["These results fill one page; there is no page {0}.", query.Page.ToString("N0", CultureInfo.CurrentCulture)]
                    : localizer["These results have {0} pages; there is no page {1}.", found.PageCount.ToString("N0", CultureInfo.CurrentCulture), query.Page.ToString("N0", CultureInfo.CurrentCulture)],
                localizer["Go to the last page ({0})", found.PageCount.ToString("N0", CultureInfo.CurrentCulture)], Href(query with { Page = found.PageCount })));
        }
        var pager = new Pager(query.Page, found.PageCount, n => Href(query with { Page = n }));
        var cards = await PaperCards.LoadAsync(db, found.Rows, cancellationToken);
        var list = new PaperListView(cards, (query.Page - 1) * PageNumber.PageSize, pager) { Total = found.Total };
        page.ViewData[Pager.ViewDataKey] = pager;
        if (phrases is not null)
        {
            page.ViewData[SearchHighlight.ViewDataKey] = new SearchHighlight(phrases);
        }
        var counts = await facets.CountAsync(db, filters, phrases, found.Total, cancellationToken);
        return (new SearchView(query, filters, found.Total, list, counts, Href) { NothingToFind = phrases is { IsEmpty: true } }, null);
    }
}
