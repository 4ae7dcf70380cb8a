using Microsoft.Extensions.Localization;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Search;

/// <summary>A page of search results: the filters as the database knows them, the phrases searched for, the page's cards and the facets.</summary>
public sealed record SearchPage(SearchFilters Filters, SearchPhrases? Phrases, IReadOnlyList<PaperCard> Papers, SearchFacets Facets)
{
    /// <summary>Words were typed, but none holds a letter or digit: nothing can match.</summary>
    public bool NothingToFind => Phrases is { IsEmpty: true };
}

/// <summary>
/// Reads page N of a search, across listings (/search) or within one (a listing's address with words or filters):
/// a subject or author filter naming nothing is <see cref="ListPage{T}.NotFound"/> with the reason, a page past the
/// last is <see cref="ListPage{T}.PastEnd"/>, else the page with its facets. Every search is timed for the metrics.
/// </summary>
public sealed class SearchReader(SearchResults results, SearchFacetCounter facets, Index.PaperIndex index,
    IStringLocalizer<SharedResource> localizer, Metrics.SiteMetrics metrics)
{
    public async Task<ListPage<SearchPage>> ReadAsync(
        PapersDbContext db, SearchQuery query, int? listingId, bool listingHoldsEveryPaper, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            return await ReadTimedAsync(db, query, listingId, listingHoldsEveryPaper, cancellationToken);
        }
        finally
        {
            metrics.SearchTook(clock.Elapsed);
        }
    }

    private async Task<ListPage<SearchPage>> ReadTimedAsync(
        PapersDbContext db, SearchQuery query, int? listingId, bool listingHoldsEveryPaper, CancellationToken cancellationToken)
    {
        var (filters, error) = await SearchFilters.ResolveAsync(db, listingId, listingHoldsEveryPaper, query, localizer, cancellationToken);
        if (filters is null)
        {
            return new ListPage<SearchPage>.NotFound(error);
        }
        var phrases = query.HasWords ? SearchPhrases.Parse(query.Q) : null;
        var range = new PageRange(query.Page);
        if (phrases is { IsEmpty: false } && query.EffectiveSort != SearchSort.Listing
            && await index.AcquireAsync(db, cancellationToken) is { } lease)
        {
            return await FromIndexAsync(db, lease, phrases, filters, query.EffectiveSort, range, cancellationToken);
        }
        var found = await results.PageAsync(db, query, range, filters, phrases, cancellationToken);
        if (ListPage.PastEndOf<SearchPage>(range, found.Total) is { } pastEnd)
        {
            return pastEnd;
        }
        var cards = await PaperCards.LoadAsync(db, found.Rows, cancellationToken);
        var counts = await facets.CountAsync(db, filters, phrases, found.Total, cancellationToken);
        return new ListPage<SearchPage>.Found(new SearchPage(filters, phrases, cards, counts), range, found.Total);
    }

    /// <summary>A search of words in any order but a listing's, answered by the search index; the page's cards read from the database.</summary>
    private static async Task<ListPage<SearchPage>> FromIndexAsync(PapersDbContext db, Index.PaperIndex.Lease lease, SearchPhrases phrases,
        SearchFilters filters, SearchSort sort, PageRange range, CancellationToken cancellationToken)
    {
        Index.IndexAnswer answer;
        using (lease)
        {
            answer = Index.IndexSearch.Find(lease.Searcher, lease.Columns, phrases, filters, sort, range);
        }
        if (ListPage.PastEndOf<SearchPage>(range, answer.Total) is { } pastEnd)
        {
            return pastEnd;
        }
        var cards = await PaperCards.LoadAsync(db, await SearchResults.RowsAsync(db, answer.PaperIds, cancellationToken), cancellationToken);
        var counts = await SearchFacetCounter.NameAsync(db, answer.Facets, cancellationToken);
        return new ListPage<SearchPage>.Found(new SearchPage(filters, phrases, cards, counts), range, answer.Total);
    }
}
