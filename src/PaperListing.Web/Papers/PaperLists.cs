using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;

namespace PaperListing.Web.Papers;

/// <summary>One page of a list of papers and how many the whole list holds.</summary>
public sealed record PaperListPage(IReadOnlyList<PaperCards.PaperRow> Rows, int Total)
{
    public int PageCount => PageNumber.PageCount(Total);
}

/// <summary>
/// Which papers are on page N of an author's, a category's or a field's list, and how many there are in all. Every
/// such page asks here and nowhere else, so the queries can be replaced (say, by stored positions) without touching
/// a page. Order: newest first by date, undated papers last, then by paper id, so every page is stable.
/// </summary>
public static class PaperLists
{
    public static Task<PaperListPage> ByAuthorAsync(PapersDbContext db, int authorId, int page, CancellationToken cancellationToken) =>
        PageAsync(db.Papers.AsNoTracking().Where(p => p.Authors.Any(a => a.AuthorId == authorId)), page, cancellationToken);

    public static Task<PaperListPage> BySubjectAsync(PapersDbContext db, int subjectId, int page, CancellationToken cancellationToken) =>
        PageAsync(db.Papers.AsNoTracking().Where(p => p.Subjects.Any(s => s.SubjectId == subjectId)), page, cancellationToken);

    public static Task<PaperListPage> ByFieldAsync(PapersDbContext db, int fieldId, int page, CancellationToken cancellationToken) =>
        PageAsync(db.Papers.AsNoTracking().Where(p => p.Subjects.Any(s => s.Subject.FieldId == fieldId)), page, cancellationToken);

    /// <summary>Other papers sharing an author with the given paper, newest first: the paper page's "more by" list.</summary>
    public static async Task<IReadOnlyList<PaperCards.PaperRow>> BySameAuthorsAsync(PapersDbContext db, int paperId, int limit, CancellationToken cancellationToken)
    {
        var authorIds = db.PaperAuthors.Where(pa => pa.PaperId == paperId).Select(pa => pa.AuthorId);
        return await Newest(db.Papers.AsNoTracking()
                .Where(p => p.Id != paperId && p.Authors.Any(a => authorIds.Contains(a.AuthorId))))
            .Take(limit)
            .Select(p => new PaperCards.PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The order of every list here: newest first, undated last, then by paper id.</summary>
    public static IOrderedQueryable<Paper> Newest(IQueryable<Paper> papers) =>
        papers.OrderBy(p => p.Published == null).ThenByDescending(p => p.Published).ThenBy(p => p.PublicId);

    private static async Task<PaperListPage> PageAsync(IQueryable<Paper> papers, int page, CancellationToken cancellationToken)
    {
        var total = await papers.CountAsync(cancellationToken);
        if (page > PageNumber.PageCount(total))
        {
            return new PaperListPage([], total);
        }
        var rows = await Newest(papers)
            .Skip((page - 1) * PageNumber.PageSize)
            .Take(PageNumber.PageSize)
            .Select(p => new PaperCards.PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published))
            .ToListAsync(cancellationToken);
        return new PaperListPage(rows, total);
    }
}
