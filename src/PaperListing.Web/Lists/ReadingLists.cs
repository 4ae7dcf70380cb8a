using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Lists;

/// <summary>One place of a reading list: its 1-based position and id, and the paper, or null when the site no longer has it.</summary>
public sealed record ReadingListEntry(int Position, string Id, PaperCard? Paper);

/// <summary>
/// Loads the papers of a reading list in its order: the papers by id in one query, then their authors and subjects
/// as every list's cards are loaded (<see cref="PaperCards"/>): three queries for 100 papers as for 20.
/// </summary>
public static class ReadingLists
{
    // Compiled once: ids are looked up through the unique index on the public id.
    private static readonly Func<PapersDbContext, string[], IAsyncEnumerable<PaperCards.PaperRow>> RowsOf = EF.CompileAsyncQuery(
        (PapersDbContext db, string[] ids) => db.Papers.AsNoTracking()
            .Where(p => ids.Contains(p.PublicId))
            .Select(p => new PaperCards.PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published)));

    public static async Task<IReadOnlyList<ReadingListEntry>> LoadAsync(PapersDbContext db, IReadOnlyList<string> ids, CancellationToken cancellationToken)
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
        var found = ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
        var cards = (await PaperCards.LoadAsync(db, found, cancellationToken)).ToDictionary(c => c.PublicId, StringComparer.Ordinal);
        return ids.Select((id, i) => new ReadingListEntry(i + 1, id, cards.GetValueOrDefault(id))).ToList();
    }

    /// <summary>The papers the site still has, in the list's order: what the list's BibTeX and RIS hold.</summary>
    public static IEnumerable<PaperCard> Papers(IEnumerable<ReadingListEntry> entries) => entries.Select(e => e.Paper).OfType<PaperCard>();
}
