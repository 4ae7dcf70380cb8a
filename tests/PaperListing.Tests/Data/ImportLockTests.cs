using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Data;

/// <summary>
/// Several sites started at once over one database (replicas behind a load balancer): one imports, the others wait
/// for it and find every file unchanged. On PostgreSQL the lock is an advisory lock, on SQLite a lock file.
/// </summary>
public sealed class ImportLockTests
{
    private const int Files = 4;
    private const int PapersPerFile = 1500;

    [Fact]
    public async Task Start_TwoSitesAtOnceOnAnEmptyDatabase_ExactlyOneImports()
    {
        var root = Directory.CreateTempSubdirectory("paperlisting-").FullName;
        using var first = new SiteFactory(root);
        for (var file = 0; file < Files; file++)
        {
            first.WithSeed($"{file:000}.txt", TestSeeds.Dump($"Listing {file}", PapersPerFile, first: file * PapersPerFile + 1));
        }
        using var second = new SiteFactory(root).KeepFiles();

        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));
        var reports = await Task.WhenAll(first.ImportedAsync(), second.ImportedAsync());

        Assert.Single(reports, r => r.EntriesImported > 0);
        Assert.Single(reports, r => r.FilesUnchanged == Files);
        Assert.Equal(Files * PapersPerFile, reports.Max(r => r.EntriesImported));
        var importLines = first.Logs.Messages(LogLevel.Information).Concat(second.Logs.Messages(LogLevel.Information))
            .Where(m => m.StartsWith("Import done", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, importLines.Count);
        await using var db = first.CreateDb();
        Assert.Equal(Files * PapersPerFile, await db.ListingEntries.CountAsync());
        Assert.Equal(Files * PapersPerFile, await db.Papers.CountAsync());
        Assert.Equal(Files, await db.Listings.CountAsync());
        Assert.Equal(Files, await db.SeedFiles.CountAsync());
        Assert.Equal(0, await db.ListingEntries.GroupBy(e => new { e.ListingId, e.Position }).CountAsync(g => g.Count() > 1));
        Assert.Equal(PapersPerFile - 1, await db.ListingEntries.Where(e => e.ListingId == db.Listings.Min(l => l.Id)).MaxAsync(e => e.Position));
    }

    [Fact]
    public async Task Start_AfterTheSchemaChanged_RebuildsFromTheSeedsWithTheSameAddresses()
    {
        var root = Directory.CreateTempSubdirectory("paperlisting-").FullName;
        string[] before;
        using (var old = new SiteFactory(root).KeepFiles().WithRealSeed())
        {
            await old.ImportedAsync();
            await using var db = old.CreateDb();
            before = await db.Papers.OrderBy(p => p.PublicId).Select(p => p.PublicId).ToArrayAsync();
            await db.DatabaseFacts.Where(f => f.Key == "SchemaFingerprint").ExecuteUpdateAsync(s => s.SetProperty(f => f.Value, "0ldschema"));
        }
        using var rebuilt = new SiteFactory(root);

        var report = await rebuilt.ImportedAsync();

        Assert.Equal(20, report.EntriesImported);
        Assert.Contains(rebuilt.Logs.Messages(LogLevel.Warning), m => m.Contains("0ldschema", StringComparison.Ordinal) && m.Contains("rebuilding", StringComparison.Ordinal));
        await using var after = rebuilt.CreateDb();
        Assert.Equal(before, await after.Papers.OrderBy(p => p.PublicId).Select(p => p.PublicId).ToArrayAsync());
    }
}
