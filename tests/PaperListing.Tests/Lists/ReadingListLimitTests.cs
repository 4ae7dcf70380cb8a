using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Data;
using static PaperListing.Tests.Lists.ReadingListSite;

namespace PaperListing.Tests.Lists;

/// <summary>A list costs what a listing page costs, and is rate-limited like the exports.</summary>
public sealed class ReadingListLimitTests
{
    /// <summary>Counts the queries the pages make.</summary>
    private sealed class QueryCounter : DbCommandInterceptor
    {
        public int Count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task AListOf100Papers_ReadsTheDatabaseNoMoreOftenThanAListingPage()
    {
        var counter = new QueryCounter();
        using var site = new SiteFactory().WithSeed("001.txt", TestSeeds.Dump("Big Listing", 120))
            .WithSetting("Caching:OutputCache", "false")
            .WithServices(s => s.ConfigureDbContext<PapersDbContext>(o => o.AddInterceptors(counter)));
        await site.ImportedAsync();
        using var client = site.CreateClient();
        var ids = new List<string>();
        for (var page = 1; page <= 5; page++)
        {
            ids.AddRange((await site.GetHtmlAsync($"/related/big-listing?page={page}")).QuerySelectorAll("article.paper").Select(a => a.Id!));
        }

        counter.Count = 0;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/related/big-listing?page=3")).StatusCode);
        var listingQueries = counter.Count;
        counter.Count = 0;
        var list = await site.GetHtmlAsync(ListUrl([.. ids]));
        var listQueries = counter.Count;

        Assert.Equal(100, EntryIds(list).Count);
        Assert.Empty(list.QuerySelectorAll("li.missing"));
        Assert.True(listQueries <= listingQueries, $"a list of 100 papers made {listQueries} queries, a listing page {listingQueries}");
    }

    [Fact]
    public async Task Lists_AreRateLimitedLikeExports_WhilePagesAreServed()
    {
        using var site = new SiteFactory().WithRealSeed().WithSetting("RateLimits:ExportsPerMinute", "3");
        await site.ImportedAsync();
        using var client = site.CreateClient();

        var allowed = new List<HttpStatusCode>();
        foreach (var url in new[] { "/list?p=qebznk55xr", "/list.bib?p=qebznk55xr", "/api/list?p=qebznk55xr" })
        {
            allowed.Add((await client.GetAsync(url)).StatusCode);
        }
        using var refusedPage = await client.GetAsync("/list?p=qebznk55xr");
        using var refusedApi = await client.GetAsync("/api/list?p=qebznk55xr");
        using var listing = await client.GetAsync("/");

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedPage.StatusCode);
        Assert.True(refusedPage.Headers.RetryAfter is not null);
        Assert.Contains("Too many requests", await refusedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedApi.StatusCode);
        Assert.Equal("application/problem+json", refusedApi.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
    }
}
