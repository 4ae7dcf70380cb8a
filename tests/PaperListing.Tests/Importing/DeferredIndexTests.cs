using Microsoft.EntityFrameworkCore;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Importing.Engines;

namespace PaperListing.Tests.Importing;

/// <summary>A first load defers the indexes on random keys; they are always there afterwards, even after a crash (on either engine).</summary>
public sealed class DeferredIndexTests
{
    private static readonly string[] Deferred =
        ["IX_PaperAuthors_AuthorId_PaperId", "IX_PaperSubjects_SubjectId_PaperId", "IX_Papers_PublicId"];

    private static async Task<(List<string> Indexes, long Markers)> StateAsync(SiteFactory site)
    {
        await using var db = site.CreateDb();
        var names = await db.Database.SqlQueryRaw<string>(TestDatabase.IsPostgres
            ? """SELECT "indexname" AS "Value" FROM "pg_indexes" WHERE "schemaname" = current_schema()"""
            : """SELECT "name" AS "Value" FROM "sqlite_master" WHERE "type" = 'index'""").ToListAsync();
        var markers = await db.DatabaseFacts.CountAsync(f => f.Key == SqliteImportTuning.DeferredIndexesKey);
        return (names, markers);
    }

    [Fact]
    public async Task FirstLoad_EndsWithEveryIndexAndNoMarker()
    {
        using var site = new SiteFactory().WithRealSeed().WithSeed("001.txt", TestSeeds.Dump("Other", 50));

        await site.ImportedAsync();

        var (indexes, markers) = await StateAsync(site);
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
            // What a crash mid-load leaves: the indexes dropped, the record of how to build them again.
            await using var db = first.CreateDb();
            await db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres ? CrashLeftoversPostgres : CrashLeftoversSqlite);
        }
        using var second = new SiteFactory(root);

        var report = await second.ImportedAsync();

        Assert.Equal(1, report.FilesUnchanged);
        var (indexes, markers) = await StateAsync(second);
        Assert.All(Deferred, name => Assert.Contains(name, indexes));
        Assert.Equal(0, markers);
    }

    private const string CrashLeftoversSqlite = $"""
        INSERT INTO "DatabaseFacts" ("Key", "Value") SELECT '{SqliteImportTuning.DeferredIndexesKey}', group_concat("sql", ';' || char(10))
          FROM "sqlite_master" WHERE "name" IN ('IX_Papers_PublicId', 'IX_PaperAuthors_AuthorId_PaperId');
        DROP INDEX "IX_Papers_PublicId";
        DROP INDEX "IX_PaperAuthors_AuthorId_PaperId";
        """;

    private const string CrashLeftoversPostgres = $"""
        INSERT INTO "DatabaseFacts" ("Key", "Value") SELECT '{SqliteImportTuning.DeferredIndexesKey}', string_agg("indexdef", ';' || chr(10))
          FROM "pg_indexes" WHERE "schemaname" = current_schema() AND "indexname" IN ('IX_Papers_PublicId', 'IX_PaperAuthors_AuthorId_PaperId');
        DROP INDEX "IX_Papers_PublicId";
        DROP INDEX "IX_PaperAuthors_AuthorId_PaperId";
        """;
}
