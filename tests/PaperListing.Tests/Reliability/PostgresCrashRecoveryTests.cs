using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// The PostgreSQL counterpart of <see cref="CrashRecoveryTests"/>: a replica killed (SIGKILL) in the middle of an
/// import loses its session, and with it the import lock and the file in progress; the next start finishes the
/// import with nothing lost, doubled or moved.
/// </summary>
public sealed class PostgresCrashRecoveryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("paperlisting-crash-").FullName;

    public void Dispose()
    {
        TestDatabase.Drop(_root);
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task KilledDuringImport_RestartFinishesIt_WithNothingLostDoubledOrMoved()
    {
        TestDatabase.RequirePostgres("a replica killed while it holds the advisory lock");
        var seeds = Path.Combine(_root, "seeds");
        var counts = LargeSeeds.Write(seeds, files: 120, listings: 7, papersPerFile: 500);
        var total = counts.Values.Sum();

        int filesAtKill;
        using (var first = SiteProcess.Start(_root, seeds, ""))
        {
            filesAtKill = await WaitForImportedFilesAsync(atLeast: 10, TimeSpan.FromSeconds(90));
            first.Kill();
        }
        using (var second = SiteProcess.Start(_root, seeds, ""))
        {
            Assert.True(await second.WaitHealthyAsync(TimeSpan.FromSeconds(180)), string.Join('\n', second.Output.TakeLast(20)));
            second.Kill();
        }
        using var clean = new SiteFactory().WithSetting("Seeds:Path", seeds);
        await clean.ImportedAsync();
        using var restarted = new SiteFactory(_root).KeepFiles().WithSetting("Seeds:Path", seeds);
        var check = await restarted.ImportedAsync();

        Assert.InRange(filesAtKill, 10, counts.Count - 1);
        Assert.Equal(counts.Count, check.FilesUnchanged);
        await using var db = restarted.CreateDb();
        Assert.Equal(counts.Count, await db.SeedFiles.CountAsync());
        Assert.Equal(total, await db.Papers.CountAsync());
        Assert.Equal(total, await db.Papers.Select(p => p.PublicId).Distinct().CountAsync());
        Assert.Equal(total, await db.ListingEntries.CountAsync());
        var places = await db.Listings.Select(l => new
        {
            l.PaperCount,
            Entries = db.ListingEntries.Count(e => e.ListingId == l.Id),
            Positions = db.ListingEntries.Where(e => e.ListingId == l.Id).Select(e => e.Position).Distinct().Count(),
            Last = db.ListingEntries.Where(e => e.ListingId == l.Id).Max(e => e.Position),
        }).ToListAsync();
        Assert.All(places, l => Assert.True(l.Entries == l.PaperCount && l.Positions == l.PaperCount && l.Last == l.PaperCount - 1, $"{l}"));
        Assert.Equal(await SnapshotAsync(clean), await SnapshotAsync(restarted));
    }

    /// <summary>Every entry as a visitor meets it: listing, position, paper address.</summary>
    private static async Task<List<string>> SnapshotAsync(SiteFactory site)
    {
        await using var db = site.CreateDb();
        return await (from e in db.ListingEntries
                      join l in db.Listings on e.ListingId equals l.Id
                      orderby l.Title, e.Position
                      select l.Title + "#" + e.Position + " " + e.Paper.PublicId).ToListAsync();
    }

    private async Task<int> WaitForImportedFilesAsync(int atLeast, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(_root) + ";Pooling=false");
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("""SELECT COUNT(*) FROM "SeedFiles" """, connection);
                var files = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                if (files >= atLeast)
                {
                    return files;
                }
            }
            catch (NpgsqlException)
            {
                // No database or table yet: look again.
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"fewer than {atLeast} files imported after {timeout}");
    }
}
