using Microsoft.Data.Sqlite;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Data;

namespace PaperListing.Tests.Importing;

/// <summary>A first load defers the indexes on random keys; they are always there afterwards, even after a crash.</summary>
public sealed class DeferredIndexTests
{
    private static readonly string[] Deferred =
        ["IX_PaperAuthors_AuthorId_PaperId", "IX_PaperSubjects_SubjectId_PaperId", "IX_Papers_PublicId"];

    private static async Task<(List<string> Indexes, long Markers)> StateAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var indexes = connection.CreateCommand();
        indexes.CommandText = """SELECT "name" FROM "sqlite_master" WHERE "type" = 'index' ORDER BY 1""";
        var names = new List<string>();
        await using (var reader = await indexes.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        await using var markers = connection.CreateCommand();
        markers.CommandText = $"""SELECT COUNT(*) FROM "DatabaseFacts" WHERE "Key" = '{SqliteImportTuning.DeferredIndexesKey}'""";
        return (names, (long)(await markers.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task FirstLoad_EndsWithEveryIndexAndNoMarker()
    {
        using var site = new SiteFactory().WithRealSeed().WithSeed("001.txt", TestSeeds.Dump("Other", 50));

        await site.ImportedAsync();

        var (indexes, markers) = await StateAsync(site.DatabasePath);
        Assert.All(Deferred, name => Assert.Contains(name, indexes));
        Assert.Equal(0, markers);
    }

    [Fact]
    public async Task CrashWhileIndexesWereDeferred_IsRepairedAtTheNextStart()
    {
        var root = Directory.CreateTempSubdirectory("paperlisting-").FullName;
        using (var first = new SiteFactory(root).KeepFiles().WithRealSeed())
        {
            await first.ImportedAsync();
        }
        // What a crash mid-load leaves: the indexes dropped, the record of how to build them again.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(root, "papers.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO "DatabaseFacts" ("Key", "Value") SELECT '{SqliteImportTuning.DeferredIndexesKey}', group_concat("sql", ';' || char(10))
                  FROM "sqlite_master" WHERE "name" IN ('IX_Papers_PublicId', 'IX_PaperAuthors_AuthorId_PaperId');
                DROP INDEX "IX_Papers_PublicId";
                DROP INDEX "IX_PaperAuthors_AuthorId_PaperId";
                """;
            await command.ExecuteNonQueryAsync();
        }
        using var second = new SiteFactory(root);

        var report = await second.ImportedAsync();

        Assert.Equal(1, report.FilesUnchanged);
        var (indexes, markers) = await StateAsync(second.DatabasePath);
        Assert.All(Deferred, name => Assert.Contains(name, indexes));
        Assert.Equal(0, markers);
    }
}
