using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// The site as a real process, killed (SIGKILL) in the middle of importing ~100,000 papers (~60,000 on PostgreSQL), then
/// restarted: the import finishes, nothing is lost or doubled, and every paper has the address a clean import gives it.
/// On PostgreSQL the killed replica's session ends with it, and with it the import lock and the file in progress.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("paperlisting-crash-").FullName;

    /// <summary>The SQLite file of the killed site (on the PostgreSQL run its database is named after the same folder).</summary>
    private string DatabasePath => Path.Combine(_root, "papers.db");

    public void Dispose()
    {
        TestDatabase.Drop(_root);
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task KilledDuringImport_RestartFinishesIt_WithNothingLostDoubledOrMoved()
    {
        // PostgreSQL writes a file more slowly: fewer files, killed after fewer, keep the test's length alike.
        var (files, killAfter) = TestDatabase.IsPostgres ? (120, 10) : (200, 15);
        var seeds = Path.Combine(_root, "seeds");
        var counts = LargeSeeds.Write(seeds, files, listings: 7, papersPerFile: 500);
        var total = counts.Values.Sum();

        int filesAtKill;
        using (var first = SiteProcess.Start(_root, seeds, DatabasePath))
        {
            filesAtKill = await WaitForImportedFilesAsync(atLeast: killAfter, TimeSpan.FromSeconds(90));
            first.Kill();
        }
        string summary;
        using (var second = SiteProcess.Start(_root, seeds, DatabasePath))
        {
            Assert.True(await second.WaitHealthyAsync(TimeSpan.FromSeconds(180)), string.Join('\n', second.Output.TakeLast(20)));
            summary = second.Output.Single(line => line.Contains("Import done", StringComparison.Ordinal));
            second.Kill();
        }
        using var clean = new SiteFactory().WithSetting("Seeds:Path", seeds);
        var cleanReport = await clean.ImportedAsync();
        using var restarted = new SiteFactory(_root).KeepFiles().WithSetting("Seeds:Path", seeds);
        var check = await restarted.ImportedAsync();

        TestContext.Current.TestOutputHelper?.WriteLine($"{total} papers in {counts.Count} files; killed after {filesAtKill} files; restart: {summary}");
        Assert.InRange(filesAtKill, killAfter, counts.Count - 1);
        Assert.Contains($"{counts.Count} files read (", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 unchanged", summary, StringComparison.Ordinal);
        Assert.Equal(total, cleanReport.Papers);
        Assert.Equal(counts.Count, check.FilesUnchanged);
        await AssertWholeAsync(restarted, counts);
        Assert.Equal(await SnapshotAsync(clean), await SnapshotAsync(restarted));
    }

    /// <summary>Polls the database the running site writes until at least <paramref name="atLeast"/> files are in.</summary>
    private async Task<int> WaitForImportedFilesAsync(int atLeast, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                await using var connection = TestDatabase.IsPostgres
                    ? (DbConnection)new NpgsqlConnection(TestDatabase.ConnectionStringFor(_root) + ";Pooling=false")
                    : new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """SELECT COUNT(*) FROM "SeedFiles" """;
                var imported = Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                if (imported >= atLeast)
                {
                    return imported;
                }
            }
            catch (DbException)
            {
                // No database or table yet, or busy: look again.
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"fewer than {atLeast} files imported after {timeout}");
    }

    private static async Task AssertWholeAsync(SiteFactory site, IReadOnlyDictionary<string, int> counts)
    {
        await using var db = site.CreateDb();
        var total = counts.Values.Sum();
        Assert.Equal(counts.Count, await db.SeedFiles.CountAsync());
        Assert.Equal(total, await db.Papers.CountAsync());
        Assert.Equal(total, await db.Papers.Select(p => p.PublicId).Distinct().CountAsync());
        Assert.Equal(total, await db.ListingEntries.CountAsync());
        // Every listing holds the sum of its files, at positions 0..n-1 with none missing or doubled.
        var places = await db.Listings.Select(l => new
        {
            l.Title,
            l.PaperCount,
            Entries = db.ListingEntries.Count(e => e.ListingId == l.Id),
            InFiles = db.SeedFiles.Where(f => f.ListingId == l.Id).Sum(f => f.EntryCount),
            Positions = db.ListingEntries.Where(e => e.ListingId == l.Id).Select(e => e.Position).Distinct().Count(),
            First = db.ListingEntries.Where(e => e.ListingId == l.Id).Min(e => (int?)e.Position),
            Last = db.ListingEntries.Where(e => e.ListingId == l.Id).Max(e => (int?)e.Position),
        }).ToListAsync();
        Assert.All(places, l => Assert.True(l.Entries == l.PaperCount && l.InFiles == l.PaperCount && l.Positions == l.PaperCount
            && l.First == 0 && l.Last == l.PaperCount - 1, $"{l}"));
        // Every paper has all its authors (Paper n has 1 + n % 3), at positions 0..k-1.
        var authors = await db.Papers.Select(p => new
        {
            p.Abstract,
            Count = p.Authors.Count(),
            Last = p.Authors.Max(a => (int?)a.Position),
        }).ToListAsync();
        Assert.DoesNotContain(authors, p => p.Count != 1 + PaperNumber(p.Abstract) % 3 || p.Last != p.Count - 1);
        var perListing = counts.GroupBy(c => int.Parse(c.Key[..4], CultureInfo.InvariantCulture) % 7).ToDictionary(g => $"Large Listing {g.Key}", g => g.Sum(c => c.Value));
        var stored = await db.Listings.ToDictionaryAsync(l => l.Title, l => l.PaperCount);
        foreach (var (title, expected) in perListing)
        {
            Assert.Equal(expected, stored[title]);
        }
    }

    /// <summary>n in "Paper n revisits …", as <see cref="LargeSeeds"/> writes it.</summary>
    private static int PaperNumber(string @abstract) =>
        int.Parse(@abstract["Paper ".Length..@abstract.IndexOf(" revisits", StringComparison.Ordinal)], CultureInfo.InvariantCulture);

    /// <summary>Every entry as a visitor meets it: listing, position, paper address, abstract, date, authors in order.</summary>
    private static async Task<List<string>> SnapshotAsync(SiteFactory site)
    {
        await using var db = site.CreateDb();
        var authors = (await db.PaperAuthors.OrderBy(pa => pa.PaperId).ThenBy(pa => pa.Position).Select(pa => new { pa.PaperId, pa.Author.Name }).ToListAsync())
            .GroupBy(pa => pa.PaperId)
            .ToDictionary(g => g.Key, g => string.Join('|', g.Select(pa => pa.Name)));
        var entries = await (from e in db.ListingEntries
                             join l in db.Listings on e.ListingId equals l.Id
                             orderby l.Title, e.Position
                             select new { l.Title, e.Position, e.PaperId, e.Paper.PublicId, e.Paper.Abstract, e.Paper.Published }).ToListAsync();
        return entries.Select(e => $"{e.Title}#{e.Position} {e.PublicId} {e.Abstract} {e.Published} {authors.GetValueOrDefault(e.PaperId)}").ToList();
    }
}
