using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Lists;

/// <summary>One place of a reading list: its 1-based position and id, and the paper, or null when the site no longer has it.</summary>
public sealed record ReadingListEntry(int Position, string Id, PaperCard? Paper);

/// <summary>
/// Loads the papers of a reading list in its order, in two indexed reads whatever its length (as a listing page):
/// the papers by id, then their authors and subject ids in one statement; subject names come from <see cref="SmallTables"/>.
/// </summary>
public static class ReadingLists
{
    // Compiled once: ids are found through the unique index on the public id, names through the papers' keys.
    private static readonly Func<PapersDbContext, string[], IAsyncEnumerable<PaperCards.PaperRow>> RowsOf = EF.CompileAsyncQuery(
        (PapersDbContext db, string[] ids) => db.Papers.AsNoTracking()
            .Where(p => ids.Contains(p.PublicId))
            .Select(p => new PaperCards.PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published)));

    private static readonly Func<PapersDbContext, int[], IAsyncEnumerable<PaperCards.NameRow>> NamesOf = EF.CompileAsyncQuery(
        (PapersDbContext db, int[] paperIds) => db.PaperAuthors.AsNoTracking()
            .Where(pa => paperIds.Contains(pa.PaperId))
            .Select(pa => new PaperCards.NameRow { PaperId = pa.PaperId, Position = pa.Position, SubjectId = 0, Name = pa.Author.Name, Slug = pa.Author.Slug })
            .Concat(db.PaperSubjects.AsNoTracking()
                .Where(ps => paperIds.Contains(ps.PaperId))
                .Select(ps => new PaperCards.NameRow { PaperId = ps.PaperId, Position = ps.Position, SubjectId = ps.SubjectId, Name = null, Slug = null })));

    public static async Task<IReadOnlyList<ReadingListEntry>> LoadAsync(PapersDbContext db, IReadOnlyDictionary<int, SubjectLink> subjectLinks,
        IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = new Dictionary<string, PaperCards.PaperRow>(ids.Count, StringComparer.Ordinal);
        await foreach (var row in RowsOf(db, [.. ids]).WithCancellation(cancellationToken))
        {
            rows[row.PublicId] = row;
        }
        var names = new List<PaperCards.NameRow>();
        if (rows.Count > 0)
        {
            await foreach (var name in NamesOf(db, [.. rows.Values.Select(r => r.Id)]).WithCancellation(cancellationToken))
            {
                names.Add(name);
            }
        }
        var cards = PaperCards.FromNames(rows.Values, names, subjectLinks).ToDictionary(c => c.PublicId, StringComparer.Ordinal);
        return ids.Select((id, i) => new ReadingListEntry(i + 1, id, cards.GetValueOrDefault(id))).ToList();
    }

    /// <summary>The papers the site still has, in the list's order: what the list's BibTeX and RIS hold.</summary>
    public static IEnumerable<PaperCard> Papers(IEnumerable<ReadingListEntry> entries) => entries.Select(e => e.Paper).OfType<PaperCard>();
}
