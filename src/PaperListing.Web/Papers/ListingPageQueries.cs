using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;

namespace PaperListing.Web.Papers;

/// <summary>
/// The reads behind a listing page, compiled once: a page is a range of positions (an indexed range, so page 50,000
/// costs what page 1 costs); its papers' authors and subject ids come through the same range; listings and subject
/// names come from <see cref="SmallTables"/>.
/// </summary>
public static class ListingPageQueries
{
    /// <summary>The papers at positions [from, to) of a listing; public so a test can read its query plan.</summary>
    public static readonly Expression<Func<PapersDbContext, int, int, int, IQueryable<PaperCards.PaperRow>>> PageRowsQuery =
        (db, listingId, from, to) => db.ListingEntries.AsNoTracking()
            .Where(e => e.ListingId == listingId && e.Position >= from && e.Position < to)
            .OrderBy(e => e.Position)
            .Select(e => new PaperCards.PaperRow(e.Paper.Id, e.Paper.PublicId, e.Paper.Title, e.Paper.Abstract, e.Paper.Published));

    private static readonly Func<PapersDbContext, int, int, int, IAsyncEnumerable<PaperCards.PaperRow>> PageRows = EF.CompileAsyncQuery(PageRowsQuery);

    // The authors and the subjects of the range in one statement: an author row has a name, a subject row has none.
    private static readonly Func<PapersDbContext, int, int, int, IAsyncEnumerable<PaperCards.NameRow>> PageNames = EF.CompileAsyncQuery(
        (PapersDbContext db, int listingId, int from, int to) => db.ListingEntries.AsNoTracking()
            .Where(e => e.ListingId == listingId && e.Position >= from && e.Position < to)
            .Join(db.PaperAuthors, e => e.PaperId, pa => pa.PaperId,
                (e, pa) => new PaperCards.NameRow { PaperId = pa.PaperId, Position = pa.Position, SubjectId = 0, Name = pa.Author.Name, Slug = pa.Author.Slug })
            .Concat(db.ListingEntries.AsNoTracking()
                .Where(e => e.ListingId == listingId && e.Position >= from && e.Position < to)
                .Join(db.PaperSubjects, e => e.PaperId, ps => ps.PaperId,
                    (e, ps) => new PaperCards.NameRow { PaperId = ps.PaperId, Position = ps.Position, SubjectId = ps.SubjectId, Name = null, Slug = null })));

    /// <summary>The cards of a page of the listing: two indexed reads, whatever the page.</summary>
    public static async Task<List<PaperCard>> CardsAsync(PapersDbContext db, IReadOnlyDictionary<int, SubjectLink> subjectLinks,
        int listingId, PageRange range, CancellationToken cancellationToken)
    {
        var papers = await PageRows(db, listingId, range.First, range.End).ToListAsync(cancellationToken);
        var names = await PageNames(db, listingId, range.First, range.End).ToListAsync(cancellationToken);
        return PaperCards.FromNames(papers, names, subjectLinks);
    }
}
