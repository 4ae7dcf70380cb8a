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

    /// <summary>"Behnam Neyshabur et al., 2017" ("Behnam Neyshabur ほか, 2017"): who and when, for titles and previews.</summary>
    public string Byline(Microsoft.Extensions.Localization.IStringLocalizer localizer) => string.Join(", ", new[]
    {
        Authors.Count switch
        {
            0 => null,
            1 => Authors[0].Name,
            2 => localizer["{0} and {1}", Authors[0].Name, Authors[1].Name].Value,
            _ => localizer["{0} et al.", Authors[0].Name].Value,
        },
        Published?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.OfType<string>());
}

/// <summary>Loads the cards of a page of papers from their rows: two indexed queries (their authors, their subjects), whatever the page.</summary>
public static class PaperCards
{
    public sealed record PaperRow(int Id, string PublicId, string? Title, string Abstract, DateOnly? Published);

    /// <summary>
    /// An author of a paper (with its name and slug) or a subject of it (by id: its name comes from memory), read in one
    /// statement beside the papers' rows by the reads that know their subjects' names (a listing page, a reading list).
    /// </summary>
    public sealed class NameRow
    {
        public int PaperId { get; init; }
        public int Position { get; init; }
        public int SubjectId { get; init; }
        public string? Name { get; init; }
        public string? Slug { get; init; }
    }

    /// <summary>
    /// The cards of <paramref name="papers"/>, in their order, from their <paramref name="names"/>; a paper read twice
    /// (listed twice on one page) counts each of its authors and subjects once.
    /// </summary>
    public static List<PaperCard> FromNames(IEnumerable<PaperRow> papers, IReadOnlyList<NameRow> names, IReadOnlyDictionary<int, SubjectLink> subjectLinks)
    {
        var authors = names.Where(n => n.Name is not null)
            .DistinctBy(a => (a.PaperId, a.Position)).OrderBy(a => a.Position)
            .ToLookup(a => a.PaperId, a => new AuthorLink(a.Name!, a.Slug!));
        var subjects = names.Where(n => n.Name is null)
            .DistinctBy(s => (s.PaperId, s.Position)).OrderBy(s => s.Position)
            .ToLookup(s => s.PaperId, s => subjectLinks[s.SubjectId]);
        return papers.Select(p => new PaperCard(p.Id, p.PublicId, p.Title, p.Abstract, p.Published, subjects[p.Id].ToList(), authors[p.Id].ToList())).ToList();
    }

    private sealed record AuthorRow(int PaperId, string Name, string Slug);

    private sealed record SubjectRow(int PaperId, string Name, string Slug, string FieldName, string FieldSlug);

    // Compiled once: every list page, search page and paper page reads its cards' authors and subjects here.
    private static readonly Func<PapersDbContext, int[], IAsyncEnumerable<AuthorRow>> AuthorsOf = EF.CompileAsyncQuery(
        (PapersDbContext db, int[] ids) => db.PaperAuthors.AsNoTracking()
            .Where(pa => ids.Contains(pa.PaperId))
            .OrderBy(pa => pa.PaperId).ThenBy(pa => pa.Position)
            .Select(pa => new AuthorRow(pa.PaperId, pa.Author.Name, pa.Author.Slug)));

    private static readonly Func<PapersDbContext, int[], IAsyncEnumerable<SubjectRow>> SubjectsOf = EF.CompileAsyncQuery(
        (PapersDbContext db, int[] ids) => db.PaperSubjects.AsNoTracking()
            .Where(ps => ids.Contains(ps.PaperId))
            .OrderBy(ps => ps.PaperId).ThenBy(ps => ps.Position)
            .Select(ps => new SubjectRow(ps.PaperId, ps.Subject.Name, ps.Subject.Slug, ps.Subject.Field.Name, ps.Subject.Field.Slug)));

    public static async Task<List<PaperCard>> LoadAsync(PapersDbContext db, IReadOnlyList<PaperRow> papers, CancellationToken cancellationToken)
    {
        if (papers.Count == 0)
        {
            return [];
        }
        var ids = new int[papers.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = papers[i].Id;
        }
        var authors = new Dictionary<int, List<AuthorLink>>(ids.Length);
        await foreach (var a in AuthorsOf(db, ids).WithCancellation(cancellationToken))
        {
            Add(authors, a.PaperId, new AuthorLink(a.Name, a.Slug));
        }
        var subjects = new Dictionary<int, List<SubjectLink>>(ids.Length);
        await foreach (var s in SubjectsOf(db, ids).WithCancellation(cancellationToken))
        {
            Add(subjects, s.PaperId, new SubjectLink(s.Name, s.Slug, s.FieldName, s.FieldSlug));
        }
        var cards = new List<PaperCard>(papers.Count);
        foreach (var p in papers)
        {
            // A paper listed twice gets a list of its own each time, as before.
            cards.Add(new PaperCard(p.Id, p.PublicId, p.Title, p.Abstract, p.Published,
                subjects.TryGetValue(p.Id, out var s) ? [.. s] : [], authors.TryGetValue(p.Id, out var a) ? [.. a] : []));
        }
        return cards;
    }

    private static void Add<T>(Dictionary<int, List<T>> lists, int paperId, T item)
    {
        if (!lists.TryGetValue(paperId, out var list))
        {
            lists[paperId] = list = [];
        }
        list.Add(item);
    }

    /// <summary>The card of one paper by its public id (ids are lower-case), or null.</summary>
    public static async Task<PaperCard?> FindAsync(PapersDbContext db, string publicId, CancellationToken cancellationToken)
    {
        var row = await RowByPublicId(db, publicId, cancellationToken);
        return row is null ? null : (await LoadAsync(db, [row], cancellationToken))[0];
    }

    private static readonly Func<PapersDbContext, string, CancellationToken, Task<PaperRow?>> RowByPublicId = EF.CompileAsyncQuery(
        (PapersDbContext db, string publicId, CancellationToken _) => db.Papers.AsNoTracking()
            .Where(p => p.PublicId == publicId)
            .Select(p => new PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published))
            .FirstOrDefault());
}
