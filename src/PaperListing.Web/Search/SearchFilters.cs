using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Data;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Search;

/// <summary>
/// A search's filters as the database knows them: the listing, the category or field named by <c>subject</c>
/// (they share the /subjects/ namespace) and the author named by <c>author</c>, with the names to show.
/// </summary>
public sealed record SearchFilters(
    int? ListingId,
    int? CategoryId,
    int? FieldId,
    string? SubjectName,
    int? AuthorId,
    string? AuthorName,
    DateOnly? FromDate,
    DateOnly? ToDate)
{
    /// <summary>The listing holds every paper (the site has one listing): its filter would keep everything, so it is not applied.</summary>
    public bool ListingHoldsEveryPaper { get; init; }

    /// <summary>The same filters without the subject: what the subject counts are counted over.</summary>
    public SearchFilters WithoutSubject => this with { CategoryId = null, FieldId = null, SubjectName = null };

    /// <summary>The same filters without the years: what the year counts are counted over.</summary>
    public SearchFilters WithoutYears => this with { FromDate = null, ToDate = null };

    /// <summary>Finds the subject and author a query names; an unknown one is an error naming its parameter.</summary>
    public static async Task<(SearchFilters? Filters, string? Error)> ResolveAsync(
        PapersDbContext db, int? listingId, bool listingHoldsEveryPaper, SearchQuery query, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var filters = new SearchFilters(listingId, null, null, null, null, null,
            query.From is { } from ? new DateOnly(from, 1, 1) : null, query.To is { } to ? new DateOnly(to, 12, 31) : null)
        {
            ListingHoldsEveryPaper = listingHoldsEveryPaper,
        };
        if (query.Subject is { } subjectSlug)
        {
            var category = await db.Subjects.AsNoTracking().Where(s => s.Slug == subjectSlug)
                .Select(s => new { s.Id, s.Name, Field = s.Field.Name }).FirstOrDefaultAsync(cancellationToken);
            var field = category is null
                ? await db.Fields.AsNoTracking().Where(f => f.Slug == subjectSlug).Select(f => new { f.Id, f.Name }).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (category is null && field is null)
            {
                return (null, localizer["There is no subject or field with the address \"{0}\" (parameter subject).", PaperLabel.Excerpt(subjectSlug, 80)]);
            }
            filters = category is not null
                ? filters with { CategoryId = category.Id, SubjectName = category.Field.Length > 0 ? $"{category.Name} · {category.Field}" : category.Name }
                : filters with { FieldId = field!.Id, SubjectName = field.Name.Length > 0 ? field.Name : localizer["Subjects without a field"] };
        }
        if (query.Author is { } authorSlug)
        {
            var author = await db.Authors.AsNoTracking().Where(a => a.Slug == authorSlug)
                .Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(cancellationToken);
            if (author is null)
            {
                return (null, localizer["There is no author with the address \"{0}\" (parameter author).", PaperLabel.Excerpt(authorSlug, 80)]);
            }
            filters = filters with { AuthorId = author.Id, AuthorName = author.Name };
        }
        return (filters, null);
    }

    /// <summary>
    /// The ids of the papers these filters let through, read from the narrowest index that holds them all (an
    /// author's, a category's, a field's or a listing's papers), so no paper row is read to find them.
    /// </summary>
    public IQueryable<int> Source(PapersDbContext db)
    {
        IQueryable<int> ids = AuthorId is { } authorId ? db.PaperAuthors.Where(a => a.AuthorId == authorId).Select(a => a.PaperId)
            : CategoryId is { } categoryId ? db.PaperSubjects.Where(s => s.SubjectId == categoryId).Select(s => s.PaperId)
            : FieldId is { } fieldId ? db.PaperSubjects.Where(s => s.Subject.FieldId == fieldId).Select(s => s.PaperId)
            : ListingId is { } listingId && !ListingHoldsEveryPaper ? db.ListingEntries.Where(e => e.ListingId == listingId).Select(e => e.PaperId)
            : db.Papers.Select(p => p.Id);
        return Narrow(db, ids.Distinct(), id => id);
    }

    /// <summary>Keeps the rows of <paramref name="source"/> whose paper (<paramref name="paperId"/>) every filter lets through: one indexed lookup each.</summary>
    public IQueryable<T> Narrow<T>(PapersDbContext db, IQueryable<T> source, Expression<Func<T, int>> paperId)
    {
        if (ListingId is { } listingId && !ListingHoldsEveryPaper)
        {
            source = source.Where(On(paperId, id => db.ListingEntries.Any(e => e.PaperId == id && e.ListingId == listingId)));
        }
        if (CategoryId is { } categoryId)
        {
            source = source.Where(On(paperId, id => db.PaperSubjects.Any(s => s.SubjectId == categoryId && s.PaperId == id)));
        }
        if (FieldId is { } fieldId)
        {
            source = source.Where(On(paperId, id => db.PaperSubjects.Any(s => s.PaperId == id && s.Subject.FieldId == fieldId)));
        }
        if (AuthorId is { } authorId)
        {
            source = source.Where(On(paperId, id => db.PaperAuthors.Any(a => a.AuthorId == authorId && a.PaperId == id)));
        }
        if (FromDate is not null || ToDate is not null)
        {
            var from = FromDate ?? DateOnly.MinValue;
            var to = ToDate ?? DateOnly.MaxValue;
            source = source.Where(On(paperId, id => db.Papers.Any(p => p.Id == id && p.Published >= from && p.Published <= to)));
        }
        return source;
    }

    /// <summary>A condition on a paper id, applied to whatever holds the id.</summary>
    private static Expression<Func<T, bool>> On<T>(Expression<Func<T, int>> paperId, Expression<Func<int, bool>> condition) =>
        Expression.Lambda<Func<T, bool>>(ReplacingExpressionVisitor.Replace(condition.Parameters[0], paperId.Body, condition.Body), paperId.Parameters);
}
