using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;

namespace PaperListing.Web.Search;

public sealed record CategoryCount(string Name, string Slug, int Count);

public sealed record FieldCount(string Name, string Slug, int Count, IReadOnlyList<CategoryCount> Categories);

public sealed record YearCount(int Year, int Count);

/// <summary>
/// How many of a search's papers are in each field and category, and of each year; null where the papers are too
/// many to count (see <see cref="SearchFacetCounter.MaxCounted"/>). Each count is what its link shows.
/// </summary>
public sealed record SearchFacets(IReadOnlyList<FieldCount>? Fields, IReadOnlyList<YearCount>? Years)
{
    public static readonly SearchFacets None = new([], []);
}

/// <summary>
/// Counts the facets of a search. A facet's link replaces its own filter, so subjects are counted over the papers
/// matching everything but the subject, and years over those matching everything but the years: each count is then
/// exactly what a click on it shows. Counts are grouped in the database over at most <see cref="MaxCounted"/> papers; past that, none.
/// </summary>
public sealed class SearchFacetCounter(SearchResults results)
{
    public const int MaxCounted = 10_000;
    private const int FieldsShown = 12;
    private const int CategoriesShownPerField = 10;

    public async Task<SearchFacets> CountAsync(PapersDbContext db, SearchFilters filters, SearchPhrases? phrases, int total,
        CancellationToken cancellationToken)
    {
        if (phrases is { IsEmpty: true })
        {
            return SearchFacets.None;
        }
        var subjectBase = filters.WithoutSubject;
        var yearBase = filters.WithoutYears;
        var countSubjects = await CountableAsync(db, subjectBase, filters, phrases, total, cancellationToken);
        var countYears = yearBase == subjectBase ? countSubjects : await CountableAsync(db, yearBase, filters, phrases, total, cancellationToken);
        return new SearchFacets(
            countSubjects ? await FieldsAsync(db, results.MatchingIds(db, subjectBase, phrases), cancellationToken) : null,
            countYears ? await YearsAsync(db, results.MatchingIds(db, yearBase, phrases), cancellationToken) : null);
    }

    /// <summary>Whether the papers to count over are at most <see cref="MaxCounted"/>: known when they are the results, else read as a stream and left at the limit.</summary>
    private async Task<bool> CountableAsync(PapersDbContext db, SearchFilters countOver, SearchFilters shown, SearchPhrases? phrases, int total,
        CancellationToken cancellationToken)
    {
        if (countOver == shown)
        {
            return total <= MaxCounted;
        }
        var read = 0;
        await foreach (var _ in results.MatchingIds(db, countOver, phrases).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (++read > MaxCounted)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The facets of a search the index answered: counted there over every match, named here.</summary>
    public static async Task<SearchFacets> NameAsync(PapersDbContext db, Index.FacetTallies tallies, CancellationToken cancellationToken) => new(
        tallies.Categories is { } categories && tallies.Fields is { } fields ? await NamedFieldsAsync(db, categories, fields, cancellationToken) : null,
        tallies.Years is { } years ? YearsOf(years) : null);

    private static async Task<IReadOnlyList<FieldCount>> FieldsAsync(PapersDbContext db, IQueryable<int> ids, CancellationToken cancellationToken)
    {
        var pairs = await db.PaperSubjects.AsNoTracking().Where(ps => ids.Contains(ps.PaperId))
            .Select(ps => new { ps.PaperId, ps.SubjectId, ps.Subject.FieldId })
            .ToListAsync(cancellationToken);
        var perCategory = pairs.GroupBy(p => p.SubjectId).ToDictionary(g => g.Key, g => g.Select(p => p.PaperId).Distinct().Count());
        var perField = pairs.GroupBy(p => p.FieldId).ToDictionary(g => g.Key, g => g.Select(p => p.PaperId).Distinct().Count());
        return await NamedFieldsAsync(db, perCategory, perField, cancellationToken);
    }

    /// <summary>Each field with its count and its categories' counts, most papers first, names from the database.</summary>
    private static async Task<IReadOnlyList<FieldCount>> NamedFieldsAsync(PapersDbContext db, IReadOnlyDictionary<int, int> perCategory,
        IReadOnlyDictionary<int, int> perField, CancellationToken cancellationToken)
    {
        var categoryIds = perCategory.Keys.ToList();
        var names = await db.Subjects.AsNoTracking().Where(s => categoryIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.Slug, s.FieldId, FieldName = s.Field.Name, FieldSlug = s.Field.Slug })
            .ToListAsync(cancellationToken);
        return names.GroupBy(n => new { n.FieldId, n.FieldName, n.FieldSlug })
            .Select(field => new FieldCount(field.Key.FieldName, field.Key.FieldSlug, perField.GetValueOrDefault(field.Key.FieldId),
                field.Select(c => new CategoryCount(c.Name, c.Slug, perCategory[c.Id]))
                    .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)
                    .Take(CategoriesShownPerField).ToList()))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Take(FieldsShown)
            .ToList();
    }

    private static async Task<IReadOnlyList<YearCount>> YearsAsync(PapersDbContext db, IQueryable<int> ids, CancellationToken cancellationToken)
    {
        var dates = await db.Papers.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Published != null)
            .Select(p => p.Published!.Value)
            .ToListAsync(cancellationToken);
        return YearsOf(dates.GroupBy(d => d.Year).ToDictionary(g => g.Key, g => g.Count()));
    }

    private static List<YearCount> YearsOf(IReadOnlyDictionary<int, int> perYear) =>
        perYear.Select(y => new YearCount(y.Key, y.Value)).OrderByDescending(y => y.Year).ToList();
}
