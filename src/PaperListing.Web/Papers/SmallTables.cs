using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using static PaperListing.Web.Papers.ListingPapers;

namespace PaperListing.Web.Papers;

/// <summary>
/// The small tables every page reads (the listings, the subjects with their fields: dozens of rows), held in memory
/// as one snapshot and read again after each import, which is the only thing that changes them. A page then reads
/// from the database only the rows of its own papers.
/// </summary>
public sealed class SmallTables
{
    public sealed record Snapshot(IReadOnlyList<ListingSummary> Listings, IReadOnlyDictionary<int, SubjectLink> Subjects);

    private static readonly Func<PapersDbContext, IAsyncEnumerable<ListingSummary>> Listings = EF.CompileAsyncQuery(
        (PapersDbContext db) => db.Listings.AsNoTracking().OrderBy(l => l.SortKey)
            .Select(l => new ListingSummary(l.Id, l.Slug, l.Title, l.PaperCount, l.DeclaredTotal, l.SortKey)));

    private static readonly Func<PapersDbContext, IAsyncEnumerable<(int Id, SubjectLink Link)>> Subjects = EF.CompileAsyncQuery(
        (PapersDbContext db) => db.Subjects.AsNoTracking()
            .Select(s => ValueTuple.Create(s.Id, new SubjectLink(s.Name, s.Slug, s.Field.Name, s.Field.Slug))));

    private volatile Snapshot? _current;
    private int _generation;

    /// <summary>The snapshot, read from <paramref name="db"/> when there is none yet.</summary>
    public async Task<Snapshot> GetAsync(PapersDbContext db, CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            return current;
        }
        var generation = Volatile.Read(ref _generation);
        var listings = new List<ListingSummary>();
        await foreach (var listing in Listings(db).WithCancellation(cancellationToken))
        {
            listings.Add(listing);
        }
        var subjects = new Dictionary<int, SubjectLink>();
        await foreach (var (id, link) in Subjects(db).WithCancellation(cancellationToken))
        {
            subjects[id] = link;
        }
        var snapshot = new Snapshot(listings, subjects);
        // Kept only if no import finished while it was read: otherwise it may show the tables from before.
        if (Volatile.Read(ref _generation) == generation)
        {
            _current = snapshot;
        }
        return snapshot;
    }

    /// <summary>Forgets the snapshot: the next page reads the tables again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }
}
