using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Data;
using PaperListing.Web.Pages.Shared;
using PaperListing.Web.Search;

namespace PaperListing.Web.Pages.Search;

/// <summary>Search across every listing at /search: words, filters and an order from the address; a prompt when there are none.</summary>
public sealed class SearchModel(IDbContextFactory<PapersDbContext> dbFactory, SearchReader reader, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Null when nothing was asked: the page prompts for words.</summary>
    public SearchView? Results { get; private set; }
    public int PaperCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!SearchQueryReader.TryRead(Request.Query, null, localizer, out var query, out var error))
        {
            return this.BadRequestPage(error!);
        }
        ViewData[SearchBox.ViewDataKey] = new SearchBox(null, query);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!query.IsSearch)
        {
            if (query.Page > 1)
            {
                return this.NotFoundPage(localizer["There are no results to page through: type words to search."], localizer["Search"], SiteLinks.SearchResults(Request, query with { Page = 1 }));
            }
            PaperCount = await db.Papers.CountAsync(cancellationToken);
            PageMetadata.Set(ViewData, new PageMetadata(localizer["Search"], localizer["Search the abstracts, authors and subjects of every listing."],
                SiteLinks.Absolute(Request, SiteLinks.SearchResults(Request, query))));
            return Page();
        }
        var (view, refusal) = await this.ReadSearchResultsAsync(reader, localizer, db, query, null, false, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Results = view;
        var title = query.HasWords ? localizer["Search: {0}", query.Q] : localizer["Search"];
        PageMetadata.Set(ViewData, new PageMetadata(query.Page > 1 ? localizer["{0} (page {1})", title, query.Page] : title,
            SearchText.Count(localizer, query, view!.Total), SiteLinks.Absolute(Request, SiteLinks.SearchResults(Request, query))) { NoIndex = true });
        return Page();
    }
}
