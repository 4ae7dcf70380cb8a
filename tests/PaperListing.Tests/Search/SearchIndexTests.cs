using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Importing;
using PaperListing.Web.Search.Index;

namespace PaperListing.Tests.Search;

/// <summary>
/// The search index each process keeps beside the database: it finds what the database's own full-text index finds
/// (the same papers, counts and facets; in the same order where the order is by date), follows the papers when they
/// change, is opened again by a restart over the same papers, and is built again when it cannot be read.
/// </summary>
public sealed class SearchIndexTests
{
    private static readonly CancellationToken Cancel = TestContext.Current.CancellationToken;

    public static TheoryData<string> Searches() =>
    [
        "/search?q=tensor",
        "/search?q=tensors",
        "/search?q=razin+tensor",
        "/search?q=%22razin+showed%22",
        "/search?q=schölpple",
        "/search?q=colo",
        "/search?q=graph+colo",
        "/search?q=graph&sort=newest",
        "/search?q=graph&sort=oldest&page=2",
        "/search?q=graph&subject=combinatorics-in-mathematics",
        "/search?q=graph&subject=mathematics",
        "/search?q=graph&author=shared-author",
        "/search?q=graph&from=2017&to=2018",
        "/search?q=graph&subject=mathematics&from=2016&to=2016",
        "/related/tensor-studies?q=graph",
        "/related/other-topics?q=tensor",
        "/search?q=nothingmatchesthis",
    ];

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task TheIndex_FindsWhatTheDatabaseFinds(string address)
    {
        using var indexed = new SearchSite();
        using var database = new SearchSite().WithSetting("Search:Index", "false");
        await indexed.ImportedAsync();
        await database.ImportedAsync();
        Assert.True(await UsesTheIndexAsync(indexed), "the site with the index on must answer from it: " + string.Join(" / ", indexed.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Information).Where(m => m.Contains("index", StringComparison.OrdinalIgnoreCase))));
        Assert.False(await UsesTheIndexAsync(database), "the site with the index off must not have one");

        var fromIndex = await indexed.GetHtmlAsync(address);
        var fromDatabase = await database.GetHtmlAsync(address);

        Assert.Equal(SearchSite.ResultCount(fromDatabase), SearchSite.ResultCount(fromIndex));
        Assert.Equal(Facets(fromDatabase), Facets(fromIndex));
        if (address.Contains("sort=", StringComparison.Ordinal))
        {
            Assert.Equal(SearchSite.Abstracts(fromDatabase), SearchSite.Abstracts(fromIndex));
        }
        else
        {
            // Both rank by BM25 with the same weights, but not over the same lengths: the papers are the same, over every page.
            Assert.Equal(await EveryPageAsync(database, address), await EveryPageAsync(indexed, address));
        }
    }

    [Theory]
    [InlineData("/search?q=graph&page=107374182")]
    [InlineData("/search?q=graph&page=501")]
    [InlineData("/search?q=graph&sort=newest&page=107374182")]
    public async Task APageFarPastTheEnd_IsRefusedAsAnyPagePastTheEnd(string address)
    {
        using var site = new SearchSite();
        await site.ImportedAsync();
        Assert.True(await UsesTheIndexAsync(site));

        using var response = await site.CreateClient().GetAsync(address, Cancel);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("page=2", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ra")]
    [InlineData("noam ra")]
    [InlineData("sch")]
    [InlineData("author 1")]
    [InlineData("shared a")]
    [InlineData("zzz")]
    public async Task TheIndex_SuggestsTheAuthorsTheDatabaseSuggests(string typed)
    {
        using var indexed = new SearchSite();
        using var database = new SearchSite().WithSetting("Search:Index", "false");
        await indexed.ImportedAsync();
        await database.ImportedAsync();
        Assert.True(await UsesTheIndexAsync(indexed));
        var address = $"/api/suggestions?q={Uri.EscapeDataString(typed)}";

        var fromIndex = await indexed.CreateClient().GetStringAsync(address, Cancel);
        var fromDatabase = await database.CreateClient().GetStringAsync(address, Cancel);

        Assert.Equal(fromDatabase, fromIndex);
        if (typed == "ra")
        {
            Assert.Contains("Noam Razin", fromIndex, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AfterTheSeedsChange_SearchFindsTheNewPapers_AndTheIndexIsBuiltAgainForThem()
    {
        using var site = new SiteFactory().WithSeed("001_a.txt", Dump("First", "Walrus migration patterns."));
        await site.ImportedAsync();
        Assert.True(await UsesTheIndexAsync(site));
        var before = Generations(site);

        site.WithSeed("001_a.txt", Dump("First", "Octopus camouflage."));
        site.Services.GetRequiredService<SeedImporter>().Import(CancellationToken.None);

        // At once (a small index is rebuilt before the search is answered), and from the new index.
        Assert.Equal(1, SearchSite.ResultCount(await site.GetHtmlAsync("/search?q=octopus")));
        Assert.Equal(0, SearchSite.ResultCount(await site.GetHtmlAsync("/search?q=walrus")));
        // The new index in use, and the old one's folder removed after it.
        await WaitForAsync(async () => await UsesTheIndexAsync(site) && Generations(site).Length == 1);
        Assert.Equal(1, SearchSite.ResultCount(await site.GetHtmlAsync("/search?q=octopus")));
        Assert.Equal(0, SearchSite.ResultCount(await site.GetHtmlAsync("/search?q=walrus")));
        var after = Generations(site);
        Assert.Single(after);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task ARestartOverTheSamePapers_OpensTheIndex_AndAnUnreadableOneIsBuiltAgain()
    {
        string root;
        using (var first = new SiteFactory().WithSeed("001_a.txt", Dump("First", "Walrus migration patterns.")).KeepFiles())
        {
            await first.ImportedAsync();
            Assert.True(await UsesTheIndexAsync(first));
            Assert.Contains(first.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Information), m => m.StartsWith("Search index built", StringComparison.Ordinal));
            root = first.Root;
        }
        using (var second = new SiteFactory(root).KeepFiles())
        {
            await second.ImportedAsync();
            Assert.True(await UsesTheIndexAsync(second));
            var log = second.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Information).ToList();
            // Failing, the message shows the whole log: what the second start did instead.
            Assert.True(log.Any(m => m.StartsWith("Search index of 1 papers opened", StringComparison.Ordinal))
                && !log.Any(m => m.StartsWith("Search index built", StringComparison.Ordinal)), string.Join('\n', log));
            foreach (var file in Directory.GetFiles(Generations(second).Single(), "*", SearchOption.AllDirectories))
            {
                File.WriteAllText(file, "not an index");
            }
        }
        using var third = new SiteFactory(root);
        await third.ImportedAsync();

        Assert.True(await UsesTheIndexAsync(third));
        var thirdLog = third.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Information).ToList();
        Assert.True(thirdLog.Any(m => m.Contains("cannot be read", StringComparison.Ordinal)), string.Join('\n', thirdLog));
        Assert.Equal(1, SearchSite.ResultCount(await third.GetHtmlAsync("/search?q=walrus")));
    }

    private static string Dump(string title, params string[] abstracts) =>
        $"English\nRelated papers\n\nRelated papers: {title}\n\n{abstracts.Length} papers\n\n" +
        string.Concat(abstracts.Select(a => $"{a}\n\nMachine Learning · Computer Science 2020-01-01 Some Author\n\n"));

    /// <summary>Whether a search now would be answered by the index (of the papers the database holds now).</summary>
    private static async Task<bool> UsesTheIndexAsync(SiteFactory site)
    {
        await using var db = site.CreateDb();
        using var lease = await site.Services.GetRequiredService<PaperIndex>().AcquireAsync(db, Cancel);
        return lease is not null;
    }

    private static string[] Generations(SiteFactory site)
    {
        var folder = site.Services.GetRequiredService<PaperIndex>().Folder;
        return Directory.Exists(folder) ? Directory.GetDirectories(folder) : [];
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var tries = 0; !await condition(); tries++)
        {
            Assert.True(tries < 600, "the index was not rebuilt within a minute");
            await Task.Delay(100, Cancel);
        }
    }

    private static string Facets(IHtmlDocument page) =>
        string.Join('\n', page.QuerySelectorAll("aside.facets li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));

    /// <summary>Every result of a search, over all its pages, in a fixed order.</summary>
    private static async Task<List<string>> EveryPageAsync(SiteFactory site, string address)
    {
        var all = new List<string>();
        var first = await site.GetHtmlAsync(address);
        var pages = ((SearchSite.ResultCount(first) ?? 0) + 19) / 20;
        all.AddRange(SearchSite.Abstracts(first));
        for (var page = 2; page <= pages && !address.Contains("page=", StringComparison.Ordinal); page++)
        {
            all.AddRange(SearchSite.Abstracts(await site.GetHtmlAsync($"{address}&page={page}")));
        }
        all.Sort(StringComparer.Ordinal);
        return all;
    }
}
