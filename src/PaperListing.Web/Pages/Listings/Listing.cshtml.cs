using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Pages.Shared;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;
using static PaperListing.Web.Papers.ListingPapers;

namespace PaperListing.Web.Pages.Listings;

/// <summary>A page of a "Related papers" listing: at "/" for the first listing, and at /related/{slug}.</summary>
public sealed class ListingModel(IDbContextFactory<PapersDbContext> dbFactory) : PageModel
{
    public ListingSummary Listing { get; private set; } = null!;
    public IReadOnlyList<ListingSummary> OtherListings { get; private set; } = [];
    public PaperListView List { get; private set; } = null!;
    public bool NoListings { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryRead(Request.Query["page"], out var page, out var pageError))
        {
            return this.BadRequestPage(pageError!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var listings = await ListingPapers.AllAsync(db, cancellationToken);
        if (listings.Count == 0 && slug is null)
        {
            NoListings = true;
            PageMetadata.Set(ViewData, new PageMetadata("No listings yet", "There are no Related papers listings here yet.",
                SiteLinks.Absolute(Request, SiteLinks.Listing(Request, null))));
            return Page();
        }
        var listing = slug is null ? listings[0] : listings.FirstOrDefault(l => l.Slug == slug);
        if (listing is null)
        {
            return this.NotFoundPage($"There is no listing called \"{slug}\".", "Go to the first listing", SiteLinks.Listing(Request, null));
        }
        var pageCount = listing.PageCount;
        string Href(int n) => SiteLinks.Listing(Request, slug, n);
        if (page > pageCount)
        {
            return this.NotFoundPage($"This listing has {pageCount:N0} pages; there is no page {page:N0}.", $"Go to the last page ({pageCount:N0})", Href(pageCount));
        }

        var rows = await ListingPapers.PageAsync(db, listing.Id, page, cancellationToken);
        Listing = listing;
        OtherListings = listings.Where(l => l.Id != listing.Id).ToList();
        var pager = new Pager(page, pageCount, Href);
        List = new PaperListView(await PaperCards.LoadAsync(db, rows, cancellationToken), (page - 1) * PageNumber.PageSize, pager);
        ViewData["Pager"] = pager;
        PageMetadata.Set(ViewData, Metadata(listing, page, pageCount));
        return Page();
    }

    /// <summary>Shared links name the listing by its slug: "/" shows whichever listing sorts first.</summary>
    private PageMetadata Metadata(ListingSummary listing, int page, int pageCount)
    {
        var title = page > 1 ? $"Related papers: {listing.Title} (page {page})" : $"Related papers: {listing.Title}";
        var count = listing.DeclaredTotal is { } declared && declared != listing.PaperCount
            ? $"{listing.PaperCount:N0} of {declared:N0} papers"
            : $"{listing.PaperCount:N0} {(listing.PaperCount == 1 ? "paper" : "papers")}";
        var description = $"Papers related to “{listing.Title}”: {count}, page {page} of {pageCount}, with abstracts, authors, subjects and dates.";
        return new PageMetadata(title, description, SiteLinks.Absolute(Request, SiteLinks.Listing(Request, listing.Slug, page)))
        {
            Links = [new HeadLink("alternate", "application/atom+xml", SiteLinks.ListingFeed(Request, listing.Slug), $"Related papers: {listing.Title} (Atom)")],
        };
    }
}
