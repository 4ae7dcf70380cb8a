using PaperListing.Web.Data;
using PaperListing.Web.Paging;
using static PaperListing.Web.Papers.ListingPapers;

namespace PaperListing.Web.Papers;

/// <summary>A page of a listing: the listing and the cards of its papers at the page's positions.</summary>
public sealed record ListingPage(ListingSummary Listing, IReadOnlyList<PaperCard> Papers);

/// <summary>
/// Reads a listing, by its slug, for every address that shows one: its HTML page, the API, the BibTeX download and
/// the Atom feed (and the listings, for the API and the sitemap). The listings come from <see cref="SmallTables"/>
/// (memory); a page is a range of positions (<see cref="ListingPageQueries"/>), so page 50,000 costs what page 1 costs.
/// </summary>
public sealed class ListingReader(SmallTables tables)
{
    /// <summary>Every listing, in seed file-name order (the first is the home page).</summary>
    public async Task<IReadOnlyList<ListingSummary>> AllAsync(PapersDbContext db, CancellationToken cancellationToken) =>
        (await tables.GetAsync(db, cancellationToken)).Listings;

    /// <summary>The listing called <paramref name="slug"/>, or the first listing (the home page's) when it is null; null when there is none.</summary>
    public async Task<ListingSummary?> FindAsync(PapersDbContext db, string? slug, CancellationToken cancellationToken) =>
        Find((await tables.GetAsync(db, cancellationToken)).Listings, slug);

    /// <summary>Page <paramref name="page"/> of the listing called <paramref name="slug"/> (the first listing when null).</summary>
    public async Task<ListPage<ListingPage>> ReadAsync(PapersDbContext db, string? slug, int page, CancellationToken cancellationToken)
    {
        var snapshot = await tables.GetAsync(db, cancellationToken);
        if (Find(snapshot.Listings, slug) is not { } listing)
        {
            return new ListPage<ListingPage>.NotFound();
        }
        var range = new PageRange(page);
        if (ListPage.PastEndOf<ListingPage>(range, listing.PaperCount) is { } pastEnd)
        {
            return pastEnd;
        }
        var cards = await ListingPageQueries.CardsAsync(db, snapshot.Subjects, listing.Id, range, cancellationToken);
        return new ListPage<ListingPage>.Found(new ListingPage(listing, cards), range, listing.PaperCount);
    }

    private static ListingSummary? Find(IReadOnlyList<ListingSummary> listings, string? slug) =>
        slug is null ? (listings.Count > 0 ? listings[0] : null) : listings.FirstOrDefault(l => l.Slug == slug);
}
