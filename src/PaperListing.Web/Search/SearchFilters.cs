using Microsoft.EntityFrameworkCore;
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
    /// <summary>The same filters without the subject: what the subject counts are counted over.</summary>
    public SearchFilters WithoutSubject => this with { CategoryId = null, FieldId = null, SubjectName = null };

    /// <summary>The same filters without the years: what the year counts are counted over.</summary>
    public SearchFilters WithoutYears => this with { FromDate = null, ToDate = null };

    /// <summary>Finds the subject and author a query names; an unknown one is an error naming its parameter.</summary>
    public static async Task<(SearchFilters? Filters, string? Error)> ResolveAsync(
        PapersDbContext db, int? listingId, SearchQuery query, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var filters = new SearchFilters(listingId, null, null, null, null, null,
            query.From is { } from ? new DateOnly(from, 1, 1) : null, query.To is { } to ? new DateOnly(to, 12, 31) : null);
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

    /// <summary>The papers these filters let through (the words are applied apart).</summary>
    public IQueryable<Paper> Apply(PapersDbContext db)
    {
        var papers = db.Papers.AsNoTracking();
        if (ListingId is { } listingId)
        {
            papers = papers.Where(p => db.ListingEntries.Any(e => e.PaperId == p.Id && e.ListingId == listingId));
        }
        if (CategoryId is { } categoryId)
        {
            papers = papers.Where(p => p.Subjects.Any(s => s.SubjectId == categoryId));
        }
        if (FieldId is { } fieldId)
        {
            papers = papers.Where(p => p.Subjects.Any(s => s.Subject.FieldId == fieldId));
        }
        if (AuthorId is { } authorId)
        {
            papers = papers.Where(p => p.Authors.Any(a => a.AuthorId == authorId));
        }
        if (FromDate is { } fromDate)
        {
            papers = papers.Where(p => p.Published >= fromDate);
        }
        if (ToDate is { } toDate)
        {
            papers = papers.Where(p => p.Published <= toDate);
        }
        return papers;
    }
}
