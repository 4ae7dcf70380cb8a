using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Content;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Pages.Listings;

/// <summary>A page of a "Related papers" listing: at "/" for the first listing, and at /related/{slug}.</summary>
public sealed class ListingModel(IDbContextFactory<PapersDbContext> dbFactory, SmallTables smallTables, SiteContent content,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public SmallTables.ListingSummary Listing { get; private set; } = null!;
    public IReadOnlyList<SmallTables.ListingSummary> OtherListings { get; private set; } = [];
    public IReadOnlyList<PaperCard> Papers { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public int FirstPosition { get; private set; }
    public bool NoListings { get; private set; }
    public string? DescriptionHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryRead(Request.Query["page"], localizer, out var page, out var pageError))
        {
            return this.BadRequestPage(pageError!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the page's reads.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var tables = await smallTables.GetAsync(db, cancellationToken);
        var listings = tables.Listings;
        if (listings.Count == 0 && slug is null)
        {
            NoListings = true;
            return Page();
        }
        var listing = slug is null ? listings[0] : listings.FirstOrDefault(l => l.Slug == slug);
        if (listing is null)
        {
            return this.NotFoundPage(localizer["There is no listing called \"{0}\".", slug ?? ""], localizer["Go to the first listing"], SiteLinks.Listing(Request, null));
        }
        var pageCount = PageNumber.PageCount(listing.PaperCount);
        string Href(int n) => SiteLinks.Listing(Request, slug, n);
        if (page > pageCount)
        {
            return this.NotFoundPage(localizer["This listing has {0} pages; there is no page {1}.", pageCount.ToString("N0"), page.ToString("N0")],
                localizer["Go to the last page ({0})", pageCount.ToString("N0")], Href(pageCount));
        }

        FirstPosition = (page - 1) * PageNumber.PageSize;
        var end = FirstPosition + PageNumber.PageSize;
        Listing = listing;
        OtherListings = listings.Where(l => l.Id != listing.Id).ToList();
        Papers = await ListingPageQueries.CardsAsync(db, tables.Subjects, listing.Id, FirstPosition, end, cancellationToken);
        Pager = new Pager(page, pageCount, Href);
        DescriptionHtml = content.ListingDescription(listing.FirstSeedFile);
        return Page();
    }
}
