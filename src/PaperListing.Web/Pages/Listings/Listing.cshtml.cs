using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Content;
using PaperListing.Web.Data;
using PaperListing.Web.Pages.Shared;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;
using PaperListing.Web.Search;
using static PaperListing.Web.Papers.ListingPapers;

namespace PaperListing.Web.Pages.Listings;

/// <summary>A page of a "Related papers" listing: at "/" for the first listing, and at /related/{slug}.</summary>
public sealed class ListingModel(IDbContextFactory<PapersDbContext> dbFactory, SmallTables smallTables, ListingReader reader, SiteContent content,
    SearchReader searchReader, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ListingSummary Listing { get; private set; } = null!;
    public IReadOnlyList<ListingSummary> OtherListings { get; private set; } = [];
    public PaperListView List { get; private set; } = null!;
    public bool NoListings { get; private set; }
    public string? DescriptionHtml { get; private set; }
    /// <summary>Set when the address asks for words, filters or an order: the listing's papers as a search shows them.</summary>
    public SearchView? Search { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        // A blank slug binds as null, which would mean the home page: keep what the address said.
        slug ??= RouteData.Values["slug"] as string;
        if (!SearchQueryReader.TryRead(Request.Query, slug ?? "", localizer, out var query, out var queryError))
        {
            return await RefuseAsync(slug, queryError!, cancellationToken);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the page's reads; the listings and subject names come from memory.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var listings = (await smallTables.GetAsync(db, cancellationToken)).Listings;
        if (listings.Count == 0 && slug is null)
        {
            NoListings = true;
            PageMetadata.Set(ViewData, new PageMetadata(localizer["No listings yet"], localizer["There are no \"Related papers\" listings in the seeds folder yet."],
                SiteLinks.Absolute(Request, SiteLinks.Listing(Request, null))));
            return Page();
        }
        if (query.IsSearch)
        {
            return await reader.FindAsync(db, slug, cancellationToken) is { } searched
                ? await SearchAsync(db, searched, listings, query with { ListingSlug = searched.Slug }, cancellationToken)
                : NoSuchListing(slug);
        }
        string Href(int n) => SiteLinks.Listing(Request, slug, n);
        switch (await reader.ReadAsync(db, slug, query.Page, cancellationToken))
        {
            case ListPage<ListingPage>.Found found:
                var listing = found.Content.Listing;
                ViewData[SearchBox.ViewDataKey] = new SearchBox(listing.Slug, query with { ListingSlug = listing.Slug });
                Listing = listing;
                OtherListings = listings.Where(l => l.Id != listing.Id).ToList();
                List = PaperListView.Of(found, found.Content.Papers, Href);
                ViewData[Pager.ViewDataKey] = List.Pager;
                DescriptionHtml = content.ListingDescription(listing.FirstSeedFile);
                PageMetadata.Set(ViewData, Metadata(listing, found.Range.Page, found.PageCount));
                return Page();
            case ListPage<ListingPage>.PastEnd pastEnd:
                return this.NotFoundPage(pastEnd.Refusal(ListWording.Listing, localizer, Href));
            default:
                return NoSuchListing(slug);
        }
    }

    private IActionResult NoSuchListing(string? slug) =>
        this.NotFoundPage(localizer["There is no listing called \"{0}\".", slug ?? ""], localizer["Go to the first listing"], SiteLinks.Listing(Request, null));

    private async Task<IActionResult> SearchAsync(PapersDbContext db, ListingSummary listing, IReadOnlyList<ListingSummary> listings, SearchQuery query,
        CancellationToken cancellationToken)
    {
        ViewData[SearchBox.ViewDataKey] = new SearchBox(listing.Slug, query);
        // A paper is kept only while an entry holds it, so the only listing holds every paper.
        var (view, refusal) = await this.ReadSearchResultsAsync(searchReader, localizer, db, query, listing.Id, listings.Count == 1, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Listing = listing;
        OtherListings = listings.Where(l => l.Id != listing.Id).ToList();
        Search = view;
        List = view!.List;
        var title = query.HasWords ? localizer["Related papers: {0} – search: {1}", listing.Title, query.Q] : localizer["Related papers: {0}", listing.Title];
        PageMetadata.Set(ViewData, new PageMetadata(query.Page > 1 ? localizer["{0} (page {1})", title, query.Page] : title,
            SearchText.Count(localizer, query, view.Total), SiteLinks.Absolute(Request, SiteLinks.SearchResults(Request, query))) { NoIndex = true });
        return Page();
    }

    /// <summary>
    /// The 400 for an address it cannot read. A bad page number of a plain listing page names the listing's real
    /// pages and links its first; anything else (a search's words, filters, order) says what is wrong with it.
    /// </summary>
    private async Task<IActionResult> RefuseAsync(string? slug, string error, CancellationToken cancellationToken)
    {
        var plainListing = Request.Query.Keys.All(k => k is "page" or "culture");
        if (plainListing && !PageNumber.TryRead(Request.Query["page"], localizer, out _, out _))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await reader.FindAsync(db, slug, cancellationToken) is { } listing)
            {
                return this.BadRequestPage(PageNumber.Refusal(Request.Query["page"], localizer, listing.PageCount)!,
                    localizer["Go to the first page"], SiteLinks.Listing(Request, slug));
            }
        }
        return this.BadRequestPage(error);
    }

    /// <summary>Shared links name the listing by its slug: "/" shows whichever listing sorts first.</summary>
    private PageMetadata Metadata(ListingSummary listing, int page, int pageCount)
    {
        var title = page > 1 ? localizer["Related papers: {0} (page {1})", listing.Title, page] : localizer["Related papers: {0}", listing.Title];
        var count = listing.DeclaredTotal is { } declared && declared != listing.PaperCount
            ? localizer["{0} of {1} papers", listing.PaperCount.ToString("N0", CultureInfo.CurrentCulture), declared.ToString("N0", CultureInfo.CurrentCulture)]
            : listing.PaperCount == 1 ? localizer["1 paper"] : localizer["{0} papers", listing.PaperCount.ToString("N0", CultureInfo.CurrentCulture)];
        var description = localizer["Papers related to “{0}”: {1}, page {2} of {3}, with abstracts, authors, subjects and dates.", listing.Title, count, page, pageCount];
        return new PageMetadata(title, description, SiteLinks.Absolute(Request, SiteLinks.Listing(Request, listing.Slug, page)))
        {
            Links = [new HeadLink("alternate", "application/atom+xml", SiteLinks.ListingFeed(Request, listing.Slug), localizer["Related papers: {0} (Atom)", listing.Title])],
        };
    }
}
