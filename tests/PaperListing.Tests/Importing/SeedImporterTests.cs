using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Importing;

namespace PaperListing.Tests.Importing;

/// <summary>The startup import: idempotent, file by file, and loud about what it skips.</summary>
public sealed class SeedImporterTests
{
    private static async Task<string[]> RowsAsync(SiteFactory site)
    {
        await using var db = site.CreateDb();
        var papers = await db.Papers.AsNoTracking().OrderBy(p => p.PublicId).Select(p => $"paper {p.PublicId} {p.Abstract} {p.Published}").ToListAsync();
        var entries = await db.ListingEntries.AsNoTracking().OrderBy(e => e.ListingId).ThenBy(e => e.Position)
            .Select(e => $"entry {e.Position} {e.Paper.PublicId}").ToListAsync();
        var authors = await db.PaperAuthors.AsNoTracking().OrderBy(a => a.PaperId).ThenBy(a => a.Position)
            .Select(a => $"author {a.Position} {a.Author.Name} {a.Author.Slug}").ToListAsync();
        var subjects = await db.PaperSubjects.AsNoTracking().OrderBy(s => s.PaperId).ThenBy(s => s.Position)
            .Select(s => $"subject {s.Position} {s.Subject.Name} {s.Subject.Field.Name}").ToListAsync();
        var listings = await db.Listings.AsNoTracking().OrderBy(l => l.SortKey).Select(l => $"listing {l.Slug} {l.Title} {l.PaperCount} {l.DeclaredTotal}").ToListAsync();
        return [.. listings, .. papers, .. entries, .. authors, .. subjects];
    }

    private static ImportReport ImportAgain(SiteFactory site) =>
        site.Services.GetRequiredService<SeedImporter>().Import(CancellationToken.None);

    [Fact]
    public async Task Import_RealSeed_Stores20PapersWithOrderedAuthorsAndSubjects()
    {
        using var site = new SiteFactory().WithRealSeed();

        var report = await site.ImportedAsync();

        Assert.Equal(20, report.Papers);
        Assert.Equal(1, report.Listings);
        Assert.Equal(2, report.Subjects);
        await using var db = site.CreateDb();
        var first = await db.Papers.AsNoTracking().Include(p => p.Authors).ThenInclude(a => a.Author)
            .SingleAsync(p => p.Abstract.StartsWith("We argue that the optimization"));
        Assert.Equal(["Behnam Neyshabur", "Ryota Tomioka", "Ruslan Salakhutdinov", "Nathan Srebro"],
            first.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name));
        Assert.Null(first.Title);
        Assert.Equal(2, await db.Fields.CountAsync());
    }

    [Fact]
    public async Task Import_Twice_LeavesTheSameRows()
    {
        using var site = new SiteFactory().WithRealSeed().WithSeed("001_other.txt", TestSeeds.Dump("Another Listing", 30));
        await site.ImportedAsync();
        var before = await RowsAsync(site);

        var again = ImportAgain(site);

        Assert.Equal(2, again.FilesUnchanged);
        Assert.Equal(0, again.EntriesImported);
        Assert.Equal(before, await RowsAsync(site));
    }

    [Fact]
    public async Task Import_NewHostOverSameDatabase_LeavesTheSameRows()
    {
        string[] before;
        var root = Directory.CreateTempSubdirectory("paperlisting-").FullName;
        using (var first = new SiteFactory(root).KeepFiles().WithRealSeed())
        {
            await first.ImportedAsync();
            before = await RowsAsync(first);
        }
        using var second = new SiteFactory(root);

        var report = await second.ImportedAsync();

        Assert.Equal(1, report.FilesUnchanged);
        Assert.Equal(before, await RowsAsync(second));
    }

    [Fact]
    public async Task Import_ChangedFile_ReplacesItsOwnPapersOnly()
    {
        using var site = new SiteFactory()
            .WithSeed("001_a.txt", TestSeeds.Dump("Listing", 20, first: 1))
            .WithSeed("002_b.txt", TestSeeds.Dump("Listing", 20, first: 21));
        await site.ImportedAsync();
        site.WithSeed("001_a.txt", TestSeeds.Dump("Listing", 5, first: 101));

        var report = ImportAgain(site);

        Assert.Equal(1, report.FilesUnchanged);
        Assert.Equal(25, report.Papers);
        await using var db = site.CreateDb();
        var abstracts = await db.ListingEntries.AsNoTracking().OrderBy(e => e.Position).Select(e => e.Paper.Abstract).ToListAsync();
        Assert.Equal(25, abstracts.Count);
        Assert.StartsWith("Paper 101 ", abstracts[0], StringComparison.Ordinal);
        Assert.StartsWith("Paper 105 ", abstracts[4], StringComparison.Ordinal);
        Assert.StartsWith("Paper 21 ", abstracts[5], StringComparison.Ordinal);
        Assert.Equal(25, (await db.Listings.SingleAsync()).PaperCount);
        Assert.False(await db.Authors.AnyAsync(a => a.Name == "Author 1"));
    }

    [Fact]
    public async Task Import_RemovedFile_TakesItsPapersAway()
    {
        using var site = new SiteFactory()
            .WithSeed("001_a.txt", TestSeeds.Dump("Listing", 20, first: 1))
            .WithSeed("002_b.txt", TestSeeds.Dump("Other", 7, first: 21));
        await site.ImportedAsync();
        File.Delete(Path.Combine(site.SeedsPath, "001_a.txt"));

        var report = ImportAgain(site);

        Assert.Equal(1, report.FilesRemoved);
        Assert.Equal(7, report.Papers);
        Assert.Equal(1, report.Listings);
    }

    [Fact]
    public async Task Import_FileInsertedBetweenPages_KeepsFileNameOrder()
    {
        using var site = new SiteFactory()
            .WithSeed("001.txt", TestSeeds.Dump("Listing", 3, first: 1))
            .WithSeed("003.txt", TestSeeds.Dump("Listing", 3, first: 7));
        await site.ImportedAsync();
        site.WithSeed("002.txt", TestSeeds.Dump("Listing", 3, first: 4));

        ImportAgain(site);

        await using var db = site.CreateDb();
        var order = await db.ListingEntries.AsNoTracking().OrderBy(e => e.Position)
            .Select(e => new { e.Position, e.Paper.Abstract }).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 9), order.Select(o => o.Position));
        Assert.Equal(Enumerable.Range(1, 9).Select(n => $"Paper {n} "), order.Select(o => o.Abstract[..(o.Abstract.IndexOf("studies", StringComparison.Ordinal))]));
    }

    [Fact]
    public async Task Import_BadFiles_AreSkippedWithOneLogLineEachAndTheRestImports()
    {
        using var site = new SiteFactory()
            .WithRealSeed()
            .WithSeed("001_empty.txt", "")
            .WithSeed("002_notes.txt", "shopping list\neggs\nmilk\n");

        var report = await site.ImportedAsync();

        Assert.Equal(2, report.FilesSkipped);
        Assert.Equal(20, report.Papers);
        var warnings = site.Logs.Messages(LogLevel.Warning).ToList();
        Assert.Single(warnings, m => m.Contains("001_empty.txt", StringComparison.Ordinal) && m.Contains("empty file", StringComparison.Ordinal));
        Assert.Single(warnings, m => m.Contains("002_notes.txt", StringComparison.Ordinal) && m.Contains("Related papers", StringComparison.Ordinal) && m.Contains("dump", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_BadEntry_IsLoggedWithFileAndLine()
    {
        using var site = new SiteFactory().WithRealSeed();

        await site.ImportedAsync();

        Assert.Contains(site.Logs.Messages(LogLevel.Warning),
            m => m.Contains("000_bce9b05a2229622d.txt", StringComparison.Ordinal) && m.Contains("line 44", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_LogsOneSummary()
    {
        using var site = new SiteFactory().WithRealSeed();

        await site.ImportedAsync();

        var summary = Assert.Single(site.Logs.Messages(LogLevel.Information), m => m.StartsWith("Import done", StringComparison.Ordinal));
        Assert.Contains("1 listings, 20 papers", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SamePaperInTwoListings_IsOnePaperInBoth()
    {
        var shared = TestSeeds.Entry(1, "implicit bias");
        using var site = new SiteFactory()
            .WithSeed("001.txt", $"Related papers: First\n\n{shared}")
            .WithSeed("002.txt", $"Related papers: Second\n\n{shared}{TestSeeds.Entry(2)}");

        var report = await site.ImportedAsync();

        Assert.Equal(2, report.Papers);
        await using var db = site.CreateDb();
        Assert.Equal(3, await db.ListingEntries.CountAsync());
    }

    [Fact]
    public async Task Import_MissingSeedsFolder_StartsAndSaysSo()
    {
        using var site = new SiteFactory();
        Directory.Delete(site.SeedsPath);

        var report = await site.ImportedAsync();

        Assert.Equal(0, report.Papers);
        Assert.Contains(site.Logs.Messages(LogLevel.Error), m => m.Contains("does not exist", StringComparison.Ordinal) && m.Contains("Seeds:Path", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_FileTurnedBad_KeepsItsEarlierImport()
    {
        using var site = new SiteFactory().WithSeed("001.txt", TestSeeds.Dump("Listing", 4));
        await site.ImportedAsync();
        site.WithSeed("001.txt", "garbage");

        var report = ImportAgain(site);

        Assert.Equal(1, report.FilesSkipped);
        Assert.Equal(4, report.Papers);
        Assert.Contains(site.Logs.Messages(LogLevel.Warning), m => m.Contains("earlier import is kept", StringComparison.Ordinal));
    }
}
