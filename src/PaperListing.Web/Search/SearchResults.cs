using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Papers;
using PaperListing.Web.Paging;

namespace PaperListing.Web.Search;

/// <summary>
/// Which papers are on page N of a search and how many match in all: the words (through <see cref="IPaperSearch"/>)
/// and the filters narrow the papers, the order ranks them, and only one page of rows is read.
/// </summary>
public sealed class SearchResults(IPaperSearch search)
{
    /// <summary>The matching papers: those the filters let through, holding every phrase when there are words.</summary>
    public IQueryable<Paper> Matching(PapersDbContext db, SearchFilters filters, SearchPhrases? phrases)
    {
        var papers = filters.Apply(db);
        return phrases is null ? papers : from m in search.Matches(db, phrases) join p in papers on m.PaperId equals p.Id select p;
    }

    public async Task<PaperListPage> PageAsync(PapersDbContext db, SearchQuery query, SearchFilters filters, SearchPhrases? phrases,
        CancellationToken cancellationToken)
    {
        if (phrases is { IsEmpty: true })
        {
            return new PaperListPage([], 0);
        }
        var total = await Matching(db, filters, phrases).CountAsync(cancellationToken);
        if (total == 0 || query.Page > PageNumber.PageCount(total))
        {
            return new PaperListPage([], total);
        }
        var skip = (query.Page - 1) * PageNumber.PageSize;
        var rows = await Ordered(db, query.EffectiveSort, filters, phrases)
            .Skip(skip)
            .Take(PageNumber.PageSize)
            .Select(p => new PaperCards.PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published))
            .ToListAsync(cancellationToken);
        return new PaperListPage(rows, total);
    }

    private IQueryable<Paper> Ordered(PapersDbContext db, SearchSort sort, SearchFilters filters, SearchPhrases? phrases)
    {
        switch (sort)
        {
            case SearchSort.Relevance when phrases is not null:
                return from m in search.Matches(db, phrases)
                       join p in filters.Apply(db) on m.PaperId equals p.Id
                       orderby m.Rank, p.Id
                       select p;
            case SearchSort.Listing when filters.ListingId is { } listingId:
                // A paper listed twice is shown at its first place.
                var firstPlaces = db.ListingEntries.AsNoTracking().Where(e => e.ListingId == listingId
                    && !db.ListingEntries.Any(earlier => earlier.ListingId == listingId && earlier.PaperId == e.PaperId && earlier.Position < e.Position));
                return from e in firstPlaces
                       join p in Matching(db, filters with { ListingId = null }, phrases) on e.PaperId equals p.Id
                       orderby e.Position
                       select p;
            case SearchSort.Oldest:
                return Matching(db, filters, phrases).OrderBy(p => p.Published == null).ThenBy(p => p.Published).ThenBy(p => p.PublicId);
            default:
                return PaperLists.Newest(Matching(db, filters, phrases));
        }
    }
}
