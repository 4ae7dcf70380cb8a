using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Importing;

/// <summary>
/// Seeds picked up live: a seed file added, changed or removed while the site runs is served within 10 seconds,
/// never half-written, while the site keeps serving (and /healthz stays 200); a broken file changes nothing; one of
/// several replicas imports it. The fast tests look every 0.2 s and wait for 0.5 s of quiet; one keeps the defaults.
/// </summary>
public sealed class SeedWatchTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private static SiteFactory FastSite(SiteFactory? site = null) => (site ?? new SiteFactory())
        .WithSetting("Seeds:WatchIntervalSeconds", "0.2")
        .WithSetting("Seeds:WatchQuietSeconds", "0.5");

    [Fact]
    public async Task AddedFile_WithTheDefaultSettings_IsServedWithin10Seconds()
    {
        await using var site = new SiteFactory().WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3));
        await site.ImportedAsync();
        using var client = site.CreateClient();

        var clock = Stopwatch.StartNew();
        site.WithSeed("002_beta.txt", TestSeeds.Dump("Beta", 4, first: 100));
        var listings = await WaitForAsync(client, l => l.ContainsKey("beta"));

        Assert.True(clock.Elapsed < Deadline, $"served after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(4, listings["beta"]);
        Assert.Equal(3, listings["alpha"]);
        var page = await client.GetStringAsync("/related/beta", TestContext.Current.CancellationToken);
        Assert.Contains("Related papers: Beta", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedAndRemovedFiles_AreServedAsTheyAreNow()
    {
        await using var site = FastSite().WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3)).WithSeed("002_beta.txt", TestSeeds.Dump("Beta", 2, first: 100));
        await site.ImportedAsync();
        using var client = site.CreateClient();
        var before = await client.GetStringAsync("/related/alpha", TestContext.Current.CancellationToken);

        site.WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 5));
        var changed = await WaitForAsync(client, l => l.GetValueOrDefault("alpha") == 5);
        File.Delete(Path.Combine(site.SeedsPath, "002_beta.txt"));
        var removed = await WaitForAsync(client, l => !l.ContainsKey("beta"));
        var after = await client.GetStringAsync("/related/alpha", TestContext.Current.CancellationToken);
        using var gone = await client.GetAsync("/related/beta", TestContext.Current.CancellationToken);

        Assert.Equal(5, changed["alpha"]);
        Assert.Equal(["alpha"], removed.Keys);
        Assert.DoesNotContain("Paper 5 studies", before, StringComparison.Ordinal);
        Assert.Contains("Paper 5 studies", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task FileStillBeingCopied_IsImportedOnlyWhenComplete()
    {
        // A quiet period well above the pieces' spacing, so a busy machine's pauses between pieces do not end the copy early.
        await using var site = FastSite().WithSetting("Seeds:WatchQuietSeconds", "2").WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3));
        await site.ImportedAsync();
        using var client = site.CreateClient();
        var bytes = Encoding.UTF8.GetBytes(TestSeeds.Dump("Beta", 40, first: 100));

        // Written in ten pieces 0.25 s apart: the folder never stays still for the 2 s the watch waits for.
        var seen = new List<int>();
        await using (var copy = new FileStream(Path.Combine(site.SeedsPath, "002_beta.txt"), FileMode.CreateNew, FileAccess.Write, FileShare.Read))
        {
            foreach (var piece in bytes.Chunk(bytes.Length / 10 + 1))
            {
                await copy.WriteAsync(piece, TestContext.Current.CancellationToken);
                await copy.FlushAsync(TestContext.Current.CancellationToken);
                await Task.Delay(250, TestContext.Current.CancellationToken);
                if ((await ListingsAsync(client)).TryGetValue("beta", out var total))
                {
                    seen.Add(total);
                }
            }
        }
        var listings = await WaitForAsync(client, l => l.ContainsKey("beta"));

        Assert.Empty(seen);
        Assert.Equal(40, listings["beta"]);
    }

    [Fact]
    public async Task BrokenNewFile_IsLoggedAndTheServedPapersStay()
    {
        await using var site = FastSite().WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3));
        await site.ImportedAsync();
        using var client = site.CreateClient();

        site.WithSeed("002_broken.txt", "this is not a listing dump\n");
        await WaitUntilAsync(() => site.Logs.Messages(LogLevel.Warning).Any(m => m.Contains("002_broken.txt\" skipped", StringComparison.Ordinal)));
        using var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        var page = await client.GetStringAsync("/related/alpha", TestContext.Current.CancellationToken);

        Assert.Contains(site.Logs.Messages(LogLevel.Warning), m => m.Contains("002_broken.txt\" skipped", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(3, (await ListingsAsync(client))["alpha"]);
        Assert.Contains("Paper 3 studies", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuringALiveImport_TheSiteServesThePreviousPapersAndStaysReady()
    {
        await using var site = FastSite().WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3)).WithHeldImport();
        using var client = site.CreateClient();
        var held = site.HeldImport();
        held.Release();
        await site.ImportedAsync();
        held.Hold();

        site.WithSeed("002_beta.txt", TestSeeds.Dump("Beta", 2, first: 100));
        await held.Asked.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        using var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var page = await client.GetAsync("/related/alpha", TestContext.Current.CancellationToken);
        var during = await ListingsAsync(client);
        held.Release();
        var after = await WaitForAsync(client, l => l.ContainsKey("beta"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(["alpha"], during.Keys);
        Assert.Equal(2, after["beta"]);
    }

    [Fact]
    public async Task WatchOff_NewFilesWaitForTheNextStart()
    {
        await using var site = FastSite().WithSetting("Seeds:Watch", "false").WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3));
        await site.ImportedAsync();
        using var client = site.CreateClient();

        site.WithSeed("002_beta.txt", TestSeeds.Dump("Beta", 2, first: 100));
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        Assert.Equal(["alpha"], (await ListingsAsync(client)).Keys);
    }

    [Fact]
    public async Task ThreeReplicasWatchingOneFolder_OneImportsTheNewFile_AllServeIt()
    {
        var root = Directory.CreateTempSubdirectory("paperlisting-").FullName;
        using var first = FastSite(new SiteFactory(root)).WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3));
        using var second = FastSite(new SiteFactory(root).KeepFiles());
        using var third = FastSite(new SiteFactory(root).KeepFiles());
        SiteFactory[] replicas = [first, second, third];
        await Task.WhenAll(replicas.Select(r => Task.Run(() => r.Server)));
        await Task.WhenAll(replicas.Select(r => r.ImportedAsync()));

        first.WithSeed("002_beta.txt", TestSeeds.Dump("Beta", 6, first: 100));
        foreach (var replica in replicas)
        {
            using var client = replica.CreateClient();
            Assert.Equal(6, (await WaitForAsync(client, l => l.ContainsKey("beta")))["beta"]);
        }
        await WaitUntilAsync(() => replicas.All(r => ImportLines(r).Count() == 2));

        // Each replica's second import: exactly one wrote the six entries, the others found the file already there.
        var liveImports = replicas.Select(r => ImportLines(r).Last()).ToList();
        Assert.Single(liveImports, line => line.Contains("6 entries imported", StringComparison.Ordinal));
        Assert.Equal(2, liveImports.Count(line => line.Contains(" 0 entries imported", StringComparison.Ordinal)));
    }

    private static IEnumerable<string> ImportLines(SiteFactory site) =>
        site.Logs.Messages(LogLevel.Information).Where(m => m.StartsWith("Import done", StringComparison.Ordinal));

    /// <summary>Each listing's slug and number of papers, as the API gives them.</summary>
    private static async Task<Dictionary<string, int>> ListingsAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/listings", TestContext.Current.CancellationToken));
        var listings = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement : json.RootElement.GetProperty("listings");
        return listings.EnumerateArray().ToDictionary(l => l.GetProperty("slug").GetString()!, l => l.GetProperty("total").GetInt32());
    }

    private static async Task<Dictionary<string, int>> WaitForAsync(HttpClient client, Func<Dictionary<string, int>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var listings = await ListingsAsync(client);
            if (done(listings) || clock.Elapsed > Deadline + Deadline)
            {
                return listings;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (!done() && clock.Elapsed < Deadline + Deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
