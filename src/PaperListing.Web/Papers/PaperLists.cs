using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;

namespace PaperListing.Web.Papers;

/// <summary>
/// Which papers are on page N of an author's, a category's or a field's list, and how many there are in all: their
/// readers (<see cref="AuthorReader"/>, <see cref="SubjectReader"/>) ask here and nowhere else. Order: newest first
/// by date, undated papers last, then by paper id, so every page is stable. The import numbers every list in that order (PaperListEntries), so a page is an indexed range of
/// positions and the count is the last position plus one: the last page of a list of 200,000 costs what the first costs.
/// </summary>
public static class PaperLists
{
    /// <summary>Other papers sharing an author with the given paper, newest first: the paper page's "more by" list.</summary>
    public static async Task<IReadOnlyList<PaperCards.PaperRow>> BySameAuthorsAsync(PapersDbContext db, int paperId, int limit, CancellationToken cancellationToken) =>
        await BySameAuthors(db, paperId, limit).ToListAsync(cancellationToken);

    // The newest few across the paper's authors are among each author's newest few (plus one: the paper itself). The
    // order is Newest's, written out: a compiled query cannot call a method on its own parameters.
    private static readonly Func<PapersDbContext, int, int, IAsyncEnumerable<PaperCards.PaperRow>> BySameAuthors = EF.CompileAsyncQuery(
        (PapersDbContext db, int paperId, int limit) => db.Papers.AsNoTracking()
            .Where(p => db.PaperListEntries
                .Where(e => e.Kind == PaperListKind.Author
                    && db.PaperAuthors.Where(pa => pa.PaperId == paperId).Select(pa => pa.AuthorId).Contains(e.OwnerId)
                    && e.Position <= limit && e.PaperId != paperId)
                .Select(e => e.PaperId).Contains(p.Id))
            .OrderBy(p => p.Published == null).ThenByDescending(p => p.Published).ThenBy(p => p.PublicId)
            .Take(limit)
            .Select(p => new PaperCards.PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published)));

    /// <summary>The order of every list here: newest first, undated last, then by paper id.</summary>
    public static IOrderedQueryable<Paper> Newest(IQueryable<Paper> papers) =>
        papers.OrderBy(p => p.Published == null).ThenByDescending(p => p.Published).ThenBy(p => p.PublicId);

    // Compiled once: the last position of a list, and the papers at a range of its positions.
    private static readonly Func<PapersDbContext, PaperListKind, int, CancellationToken, Task<int?>> LastPosition = EF.CompileAsyncQuery(
        (PapersDbContext db, PaperListKind kind, int ownerId, CancellationToken _) => db.PaperListEntries.AsNoTracking()
            .Where(e => e.Kind == kind && e.OwnerId == ownerId)
            .OrderByDescending(e => e.Position)
            .Select(e => (int?)e.Position)
            .FirstOrDefault());

    private static readonly Func<PapersDbContext, PaperListKind, int, int, int, IAsyncEnumerable<PaperCards.PaperRow>> RangeRows = EF.CompileAsyncQuery(
        (PapersDbContext db, PaperListKind kind, int ownerId, int first, int end) =>
            from e in db.PaperListEntries.AsNoTracking()
            join p in db.Papers.AsNoTracking() on e.PaperId equals p.Id
            where e.Kind == kind && e.OwnerId == ownerId && e.Position >= first && e.Position < end
            orderby e.Position
            select new PaperCards.PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published));

    /// <summary>Page <paramref name="page"/> of the owner's list of <paramref name="kind"/>: past its end, or its cards made into <typeparamref name="T"/>.</summary>
    public static async Task<ListPage<T>> PageAsync<T>(PapersDbContext db, PaperListKind kind, int ownerId, int page,
        Func<IReadOnlyList<PaperCard>, T> content, CancellationToken cancellationToken)
    {
        var last = await LastPosition(db, kind, ownerId, cancellationToken);
        var total = last + 1 ?? 0;
        var range = new PageRange(page);
        if (ListPage.PastEndOf<T>(range, total) is { } pastEnd)
        {
            return pastEnd;
        }
        var rows = new List<PaperCards.PaperRow>(range.Take);
        await foreach (var row in RangeRows(db, kind, ownerId, range.First, range.End).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }
        return new ListPage<T>.Found(content(await PaperCards.LoadAsync(db, rows, cancellationToken)), range, total);
    }
}
