using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;

namespace PaperListing.Web.Papers;

public sealed record AuthorLink(string Name, string Slug);

/// <summary>A category and its field, each with its own page.</summary>
public sealed record SubjectLink(string Name, string Slug, string FieldName, string FieldSlug)
{
    /// <summary>"Machine Learning (Computer Science)": the category named apart from its namesakes in other fields.</summary>
    public string Keyword => FieldName.Length > 0 ? $"{Name} ({FieldName})" : Name;
}

/// <summary>What a list shows of one paper.</summary>
public sealed record PaperCard(
    int Id,
    string PublicId,
    string? Title,
    string Abstract,
    DateOnly? Published,
    IReadOnlyList<SubjectLink> Subjects,
    IReadOnlyList<AuthorLink> Authors)
{
    public PaperLabel Label => PaperLabel.Of(Title, Abstract);

    /// <summary>The readable part of the paper's canonical address.</summary>
    public string Slug => PaperSlug.For(Title, Abstract);

    /// <summary>"Behnam Neyshabur et al., 2017": who and when, for titles and previews.</summary>
    public string Byline => string.Join(", ", new[]
    {
        Authors.Count switch { 0 => null, 1 => Authors[0].Name, 2 => $"{Authors[0].Name} and {Authors[1].Name}", _ => $"{Authors[0].Name} et al." },
        Published?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.OfType<string>());
}

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

    /// <summary>The card of one paper by its public id (ids are lower-case), or null.</summary>
    public static async Task<PaperCard?> FindAsync(PapersDbContext db, string publicId, CancellationToken cancellationToken)
    {
        var row = await db.Papers.AsNoTracking()
            .Where(p => p.PublicId == publicId)
            .Select(p => new PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published))
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (await LoadAsync(db, [row], cancellationToken))[0];
    }
}
