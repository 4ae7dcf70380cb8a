using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;

namespace PaperListing.Web.Papers;

/// <summary>The listings, a listing's newest papers by date (its feed) and where a paper stands in them; a page of a listing is <see cref="ListingReader"/>'s.</summary>
public static class ListingPapers
{
    /// <summary>A listing; <paramref name="FirstSeedFile"/> names its description (a Markdown file beside that seed).</summary>
    public sealed record ListingSummary(int Id, string Slug, string Title, int PaperCount, int? DeclaredTotal, string FirstSeedFile)
    {
        public int PageCount => PageRange.PageCount(PaperCount);
    }

    /// <summary>The listing's dated papers, newest first (then by paper id): what its feed shows.</summary>
    public static Task<List<PaperCards.PaperRow>> NewestDatedAsync(PapersDbContext db, int listingId, int limit, CancellationToken cancellationToken) =>
        PaperLists.Newest(db.Papers.AsNoTracking()
                .Where(p => p.Published != null && db.ListingEntries.Any(e => e.ListingId == listingId && e.PaperId == p.Id)))
            .Take(limit)
            .Select(p => new PaperCards.PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published))
            .ToListAsync(cancellationToken);

    /// <summary>Where a paper stands in a listing: a 0-based position, so its page and anchor follow.</summary>
    public sealed record ListingPlace(string Slug, string Title, int Position);

    /// <summary>Every place of a paper in the listings, in listing order.</summary>
    public static async Task<List<ListingPlace>> PlacesAsync(PapersDbContext db, int paperId, CancellationToken cancellationToken) =>
        await PlacesOf(db, paperId).ToListAsync(cancellationToken);

    private static readonly Func<PapersDbContext, int, IAsyncEnumerable<ListingPlace>> PlacesOf = EF.CompileAsyncQuery(
        (PapersDbContext db, int paperId) =>
            from e in db.ListingEntries.AsNoTracking()
            join l in db.Listings.AsNoTracking() on e.ListingId equals l.Id
            where e.PaperId == paperId
            orderby l.SortKey, e.Position
            select new ListingPlace(l.Slug, l.Title, e.Position));
}
