using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;

namespace PaperListing.Web.Papers;

public sealed record AuthorLink(string Name, string Slug);

/// <summary>A category and its field, each with its own page.</summary>
public sealed record SubjectLink(string Name, string Slug, string FieldName, string FieldSlug);

/// <summary>What a list shows of one paper.</summary>
public sealed record PaperCard(
    int Id,
    string PublicId,
    string? Title,
    string Abstract,
    DateOnly? Published,
    IReadOnlyList<SubjectLink> Subjects,
    IReadOnlyList<AuthorLink> Authors);

/// <summary>Loads the cards of a page of papers: three indexed queries, whatever the page.</summary>
public static class PaperCards
{
    public sealed record PaperRow(int Id, string PublicId, string? Title, string Abstract, DateOnly? Published);

    public static async Task<List<PaperCard>> LoadAsync(PapersDbContext db, IReadOnlyList<PaperRow> papers, CancellationToken cancellationToken)
    {
        var ids = papers.Select(p => p.Id).ToList();
        var authors = (await db.PaperAuthors.AsNoTracking()
                .Where(pa => ids.Contains(pa.PaperId))
                .OrderBy(pa => pa.PaperId).ThenBy(pa => pa.Position)
                .Select(pa => new { pa.PaperId, pa.Author.Name, pa.Author.Slug })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.PaperId, a => new AuthorLink(a.Name, a.Slug));
        var subjects = (await db.PaperSubjects.AsNoTracking()
                .Where(ps => ids.Contains(ps.PaperId))
                .OrderBy(ps => ps.PaperId).ThenBy(ps => ps.Position)
                .Select(ps => new { ps.PaperId, ps.Subject.Name, ps.Subject.Slug, FieldName = ps.Subject.Field.Name, FieldSlug = ps.Subject.Field.Slug })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.PaperId, s => new SubjectLink(s.Name, s.Slug, s.FieldName, s.FieldSlug));
        return papers
            .Select(p => new PaperCard(p.Id, p.PublicId, p.Title, p.Abstract, p.Published, subjects[p.Id].ToList(), authors[p.Id].ToList()))
            .ToList();
    }
}
