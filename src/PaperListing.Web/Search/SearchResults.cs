using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Papers;
using PaperListing.Web.Paging;

namespace PaperListing.Web.Search;

/// <summary>One page of a search's papers (as rows) and how many match in all.</summary>
public sealed record PaperListPage(IReadOnlyList<PaperCards.PaperRow> Rows, int Total);

/// <summary>
/// Which papers are on page N of a search and how many match in all: the words (through <see cref="IPaperSearch"/>)
/// and the filters narrow the papers, the order ranks them, and only one page of rows is read.
/// </summary>
public sealed class SearchResults(IPaperSearch search)
{
    /// <summary>The ids of the matching papers: those the filters let through, holding every phrase when there are words.</summary>
    public IQueryable<int> MatchingIds(PapersDbContext db, SearchFilters filters, SearchPhrases? phrases) => phrases is null
        ? filters.Source(db)
        : filters.Narrow(db, search.Matches(db, phrases), m => m.PaperId).Select(m => m.PaperId);

    /// <summary>The rows of <paramref name="range"/> in the query's order and how many match in all; no rows when the range is past the end.</summary>
    public async Task<PaperListPage> PageAsync(PapersDbContext db, SearchQuery query, PageRange range, SearchFilters filters, SearchPhrases? phrases,
        CancellationToken cancellationToken)
    {
        if (phrases is { IsEmpty: true })
        {
            return new PaperListPage([], 0);
        }
        var total = await MatchingIds(db, filters, phrases).CountAsync(cancellationToken);
        if (total == 0 || range.IsPastEnd(total))
        {
            return new PaperListPage([], total);
        }
        var rows = query.EffectiveSort switch
        {
            SearchSort.Relevance when phrases is not null => ByRelevance(db, filters, phrases, range),
            SearchSort.Listing when filters.ListingId is { } listingId => InListingOrder(db, listingId, filters, phrases, range),
            SearchSort.Oldest => Papers(db, filters, phrases).OrderBy(p => p.Published == null).ThenBy(p => p.Published).ThenBy(p => p.PublicId)
                .Skip(range.Skip).Take(range.Take).Select(Row),
            _ => PaperLists.Newest(Papers(db, filters, phrases)).Skip(range.Skip).Take(range.Take).Select(Row),
        };
        return new PaperListPage(await rows.ToListAsync(cancellationToken), total);
    }

    /// <summary>The rows of these papers, in this order (a page the search index ranked).</summary>
    public static async Task<IReadOnlyList<PaperCards.PaperRow>> RowsAsync(PapersDbContext db, IReadOnlyList<int> paperIds, CancellationToken cancellationToken)
    {
        var rows = (await RowsOf(db, [.. paperIds]).ToListAsync(cancellationToken)).ToDictionary(r => r.Id);
        return paperIds.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    private static readonly System.Linq.Expressions.Expression<Func<Paper, PaperCards.PaperRow>> Row =
        p => new PaperCards.PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published);

    // Compiled once, the ids sent as one array parameter: a paper page's similar list and every indexed search read here.
    private static readonly Func<PapersDbContext, int[], IAsyncEnumerable<PaperCards.PaperRow>> RowsOf = EF.CompileAsyncQuery(
        (PapersDbContext db, int[] ids) => db.Papers.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(Row));

    private IQueryable<Paper> Papers(PapersDbContext db, SearchFilters filters, SearchPhrases? phrases)
    {
        var ids = MatchingIds(db, filters, phrases);
        return db.Papers.AsNoTracking().Where(p => ids.Contains(p.Id));
    }

    /// <summary>Ranks and pages the matches first, then reads only that page's papers.</summary>
    private IQueryable<PaperCards.PaperRow> ByRelevance(PapersDbContext db, SearchFilters filters, SearchPhrases phrases, PageRange range)
    {
        var page = filters.Narrow(db, search.Matches(db, phrases), m => m.PaperId)
            .OrderBy(m => m.Rank).ThenBy(m => m.PaperId)
            .Skip(range.Skip).Take(range.Take);
        return from m in page
               join p in db.Papers.AsNoTracking() on m.PaperId equals p.Id
               orderby m.Rank, m.PaperId
               select new PaperCards.PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published);
    }

    /// <summary>Walks the listing in its order and keeps the matches; a paper listed twice is shown at its first place.</summary>
    private IQueryable<PaperCards.PaperRow> InListingOrder(PapersDbContext db, int listingId, SearchFilters filters, SearchPhrases? phrases, PageRange range)
    {
        var ids = MatchingIds(db, filters with { ListingId = null }, phrases);
        var page = db.ListingEntries.AsNoTracking()
            .Where(e => e.ListingId == listingId && ids.Contains(e.PaperId)
                && !db.ListingEntries.Any(earlier => earlier.ListingId == listingId && earlier.PaperId == e.PaperId && earlier.Position < e.Position))
            .OrderBy(e => e.Position)
            .Skip(range.Skip).Take(range.Take);
        return from e in page
               join p in db.Papers.AsNoTracking() on e.PaperId equals p.Id
               orderby e.Position
               select new PaperCards.PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published);
    }
}
