using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// The site as a real process, killed (SIGKILL) in the middle of importing ~100,000 papers, then restarted: the import
/// finishes, nothing is lost or doubled, and every paper has the address a clean import gives it.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("paperlisting-crash-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task KilledDuringImport_RestartFinishesIt_WithNothingLostDoubledOrMoved()
    {
        var seeds = Path.Combine(_root, "seeds");
        var database = Path.Combine(_root, "papers.db");
        var counts = LargeSeeds.Write(seeds, files: 200, listings: 7, papersPerFile: 500);
        var total = counts.Values.Sum();

        int filesAtKill;
        using (var first = SiteProcess.Start(_root, seeds, database))
        {
            filesAtKill = await WaitForImportedFilesAsync(database, atLeast: 15, TimeSpan.FromSeconds(90));
            first.Kill();
        }
        string summary;
        using (var second = SiteProcess.Start(_root, seeds, database))
        {
            Assert.True(await second.WaitHealthyAsync(TimeSpan.FromSeconds(180)), string.Join('\n', second.Output.TakeLast(20)));
            summary = second.Output.Single(line => line.Contains("Import done", StringComparison.Ordinal));
            second.Kill();
        }
        using var clean = new SiteFactory().WithSetting("Seeds:Path", seeds);
        var cleanReport = await clean.ImportedAsync();

        TestContext.Current.TestOutputHelper?.WriteLine($"{total} papers in {counts.Count} files; killed after {filesAtKill} files; restart: {summary}");
        Assert.InRange(filesAtKill, 15, counts.Count - 1);
        Assert.Contains($"{counts.Count} files read (", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 unchanged", summary, StringComparison.Ordinal);
        Assert.Equal(total, cleanReport.Papers);
        AssertWhole(database, counts);
        Assert.Equal(Snapshot(clean.DatabasePath), Snapshot(database));
    }

    /// <summary>Polls the database the running site writes until at least <paramref name="atLeast"/> files are in.</summary>
    private static async Task<int> WaitForImportedFilesAsync(string database, int atLeast, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                using var connection = Open(database);
                var files = Scalar(connection, """SELECT COUNT(*) FROM "SeedFiles" """);
                if (files >= atLeast)
                {
                    return (int)files;
                }
            }
            catch (SqliteException)
            {
                // Not created yet, or busy: look again.
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"fewer than {atLeast} files imported after {timeout}");
    }

    private static void AssertWhole(string database, IReadOnlyDictionary<string, int> counts)
    {
        using var connection = Open(database);
        var total = counts.Values.Sum();
        Assert.Equal(counts.Count, Scalar(connection, """SELECT COUNT(*) FROM "SeedFiles" """));
        Assert.Equal(total, Scalar(connection, """SELECT COUNT(*) FROM "Papers" """));
        Assert.Equal(total, Scalar(connection, """SELECT COUNT(DISTINCT "PublicId") FROM "Papers" """));
        Assert.Equal(total, Scalar(connection, """SELECT COUNT(*) FROM "ListingEntries" """));
        // Every listing holds the sum of its files, at positions 0..n-1 with none missing or doubled.
        Assert.Equal(0, Scalar(connection, """
            SELECT COUNT(*) FROM "Listings" l WHERE l."PaperCount" <> (SELECT COUNT(*) FROM "ListingEntries" e WHERE e."ListingId" = l."Id")
              OR l."PaperCount" <> (SELECT SUM("EntryCount") FROM "SeedFiles" f WHERE f."ListingId" = l."Id")
              OR (SELECT COUNT(DISTINCT "Position") FROM "ListingEntries" e WHERE e."ListingId" = l."Id") <> l."PaperCount"
              OR (SELECT MIN("Position") FROM "ListingEntries" e WHERE e."ListingId" = l."Id") <> 0
              OR (SELECT MAX("Position") FROM "ListingEntries" e WHERE e."ListingId" = l."Id") <> l."PaperCount" - 1
            """));
        // Every paper has all its authors (Paper n has 1 + n % 3), at positions 0..k-1.
        Assert.Equal(0, Scalar(connection, """
            SELECT COUNT(*) FROM "Papers" p
            WHERE (SELECT COUNT(*) FROM "PaperAuthors" pa WHERE pa."PaperId" = p."Id") <> 1 + CAST(substr(p."Abstract", 7, instr(p."Abstract", ' revisits') - 7) AS INTEGER) % 3
              OR (SELECT MAX("Position") FROM "PaperAuthors" pa WHERE pa."PaperId" = p."Id") <> (SELECT COUNT(*) FROM "PaperAuthors" pa WHERE pa."PaperId" = p."Id") - 1
            """));
        var perListing = counts.GroupBy(c => int.Parse(c.Key[..4], System.Globalization.CultureInfo.InvariantCulture) % 7).ToDictionary(g => $"Large Listing {g.Key}", g => (long)g.Sum(c => c.Value));
        foreach (var (title, expected) in perListing)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """SELECT "PaperCount" FROM "Listings" WHERE "Title" = $t""";
            command.Parameters.AddWithValue("$t", title);
            Assert.Equal(expected, (long)command.ExecuteScalar()!);
        }
    }

    /// <summary>Every entry as a visitor meets it: listing, position, paper address, abstract, date, authors in order.</summary>
    private static List<string> Snapshot(string database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT l."Title", e."Position", p."PublicId", p."Abstract", p."Published",
              (SELECT group_concat("Name", '|') FROM (SELECT a."Name" FROM "PaperAuthors" pa JOIN "Authors" a ON a."Id" = pa."AuthorId"
                                                     WHERE pa."PaperId" = p."Id" ORDER BY pa."Position"))
            FROM "ListingEntries" e JOIN "Listings" l ON l."Id" = e."ListingId" JOIN "Papers" p ON p."Id" = e."PaperId"
            ORDER BY l."Title", e."Position"
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetString(0)}#{reader.GetInt64(1)} {reader.GetString(2)} {reader.GetString(3)} {reader.GetValue(4)} {reader.GetValue(5)}");
        }
        return rows;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
