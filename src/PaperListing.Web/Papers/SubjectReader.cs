using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;

namespace PaperListing.Web.Papers;

/// <summary>A category or a field; a category names its field (<see cref="Field"/>), a field has none.</summary>
public sealed record SubjectSummary(int Id, string Name, string Slug, SubjectLink? Field);

/// <summary>A page of a category's or a field's papers: the subject and the cards of the page.</summary>
public sealed record SubjectPage(SubjectSummary Subject, IReadOnlyList<PaperCard> Papers);

/// <summary>
/// Reads a category's papers ("Machine Learning" in Computer Science) or a field's (all its categories), by slug,
/// 20 a page, newest first (<see cref="PaperLists"/>): categories and fields share the /subjects/ namespace, so a
/// slug names one or the other, and each has its own list.
/// </summary>
public static class SubjectReader
{
    // Compiled once, as every read of a page of papers is: a category by its slug, else a field.
    private static readonly Func<PapersDbContext, string, CancellationToken, Task<SubjectSummary?>> CategoryBySlug = EF.CompileAsyncQuery(
        (PapersDbContext db, string slug, CancellationToken _) => db.Subjects.AsNoTracking()
            .Where(s => s.Slug == slug)
            .Select(s => new SubjectSummary(s.Id, s.Name, s.Slug, new SubjectLink(s.Field.Name, s.Field.Slug, "", "")))
            .FirstOrDefault());

    private static readonly Func<PapersDbContext, string, CancellationToken, Task<SubjectSummary?>> FieldBySlug = EF.CompileAsyncQuery(
        (PapersDbContext db, string slug, CancellationToken _) => db.Fields.AsNoTracking()
            .Where(f => f.Slug == slug)
            .Select(f => new SubjectSummary(f.Id, f.Name, f.Slug, null))
            .FirstOrDefault());

    public static async Task<ListPage<SubjectPage>> ReadAsync(PapersDbContext db, string slug, int page, CancellationToken cancellationToken)
    {
        var subject = await CategoryBySlug(db, slug, cancellationToken) ?? await FieldBySlug(db, slug, cancellationToken);
        return subject is null
            ? new ListPage<SubjectPage>.NotFound()
            : await PaperLists.PageAsync(db, subject.Field is null ? PaperListKind.Field : PaperListKind.Subject, subject.Id, page,
                cards => new SubjectPage(subject, cards), cancellationToken);
    }
}
