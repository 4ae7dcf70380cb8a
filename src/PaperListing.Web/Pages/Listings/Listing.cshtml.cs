using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Pages.Listings;

/// <summary>A page of a "Related papers" listing: at "/" for the first listing, and at /related/{slug}.</summary>
public sealed class ListingModel(IDbContextFactory<PapersDbContext> dbFactory) : PageModel
{
    public ListingPageQueries.ListingSummary Listing { get; private set; } = null!;
    public IReadOnlyList<ListingPageQueries.ListingSummary> OtherListings { get; private set; } = [];
    public IReadOnlyList<PaperCard> Papers { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public int FirstPosition { get; private set; }
    public bool NoListings { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryRead(Request.Query["page"], out var page, out var pageError))
        {
            return this.BadRequestPage(pageError!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the page's four reads.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var listings = await ListingPageQueries.ListingsAsync(db, cancellationToken);
        if (listings.Count == 0 && slug is null)
        {
            NoListings = true;
            return Page();
        }
        var listing = slug is null ? listings[0] : listings.FirstOrDefault(l => l.Slug == slug);
        if (listing is null)
        {
            return this.NotFoundPage($"There is no listing called \"{slug}\".", "Go to the first listing", SiteLinks.Listing(Request, null));
        }
        var pageCount = PageNumber.PageCount(listing.PaperCount);
        string Href(int n) => SiteLinks.Listing(Request, slug, n);
        if (page > pageCount)
        {
            return this.NotFoundPage($"This listing has {pageCount:N0} pages; there is no page {page:N0}.", $"Go to the last page ({pageCount:N0})", Href(pageCount));
        }

        FirstPosition = (page - 1) * PageNumber.PageSize;
        var end = FirstPosition + PageNumber.PageSize;
        Listing = listing;
        OtherListings = listings.Where(l => l.Id != listing.Id).ToList();
        Papers = await ListingPageQueries.CardsAsync(db, listing.Id, FirstPosition, end, cancellationToken);
        Pager = new Pager(page, pageCount, Href);
        return Page();
    }
}
