using System.Net;
using Microsoft.EntityFrameworkCore;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Papers;

namespace PaperListing.Tests.Pages;

/// <summary>A page is an indexed range of positions, so page 50,001 of a listing costs what page 1 costs.</summary>
public sealed class DeepPageTests
{
    [Fact]
    public async Task PageQuery_SearchesThePositionIndex_AndScansNothing()
    {
        TestDatabase.RequireSqlite("reads SQLite's query plan");
        using var site = new SiteFactory().WithRealSeed();
        await site.ImportedAsync();
        await using var db = site.CreateDb();
        await db.Database.OpenConnectionAsync();

        await using var command = ListingPageQueries.PageRowsQuery.Compile()(db, 1, 1_000_000, 1_000_020).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("IX_ListingEntries_ListingId_Position_PaperId", StringComparison.Ordinal)
            && step.Contains("ListingId=? AND Position>? AND Position<?", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_PagePastOneMillionEntries_ShowsItsPapers()
    {
        var root = Directory.CreateTempSubdirectory("paperlisting-").FullName;
        using (var first = new SiteFactory(root).KeepFiles().WithSeed("001.txt", TestSeeds.Dump("Deep Listing", 20)))
        {
            await first.ImportedAsync();
            // 1,000,000 more entries (positions 20 to 1,000,019): filler, then 20 papers of their own at the very end.
            await using var db = first.CreateDb();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(2));
            await db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres ? DeepListingPostgres : DeepListingSqlite);
        }
        using var second = new SiteFactory(root);

        var page = await second.GetHtmlAsync("/related/deep-listing?page=50001");
        using var client = second.CreateClient();
        var beyond = await client.GetAsync("/related/deep-listing?page=50002");

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"Deep paper {i} closes the listing…"),
            page.QuerySelectorAll("[itemprop=abstract]").Select(a => a.TextContent));
        Assert.Equal("1000001", page.QuerySelector("ol.papers")!.GetAttribute("start"));
        Assert.Equal("Papers 1,000,001–1,000,020 of 1,000,020 · page 50,001 of 50,001", page.QuerySelector(".place")!.TextContent.Trim());
        Assert.Equal("1,000,001", page.QuerySelector("article.paper .position")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }

    private const string DeepListingSqlite = """
        BEGIN;
        INSERT INTO "Papers" ("Id", "PublicId", "ContentHash", "Abstract")
          WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
          SELECT 1000 + i, 'deep' || i, printf('%064d', i), 'Deep paper ' || i || ' closes the listing…' FROM n;
        INSERT INTO "ListingEntries" ("ListingId", "Position", "PaperId", "SeedFileId")
          WITH RECURSIVE n(i) AS (SELECT 20 UNION ALL SELECT i + 1 FROM n WHERE i < 1000019)
          SELECT 1, i, CASE WHEN i >= 1000000 THEN 1000 + i - 999999 ELSE 1 END, 1 FROM n;
        UPDATE "Listings" SET "PaperCount" = 1000020;
        UPDATE "SeedFiles" SET "EntryCount" = 1000020;
        COMMIT;
        """;

    private const string DeepListingPostgres = """
        INSERT INTO "Papers" ("Id", "PublicId", "ContentHash", "Abstract")
          SELECT 1000 + i, 'deep' || i, lpad(i::text, 64, '0'), 'Deep paper ' || i || ' closes the listing…' FROM generate_series(1, 20) i;
        INSERT INTO "ListingEntries" ("ListingId", "Position", "PaperId", "SeedFileId")
          SELECT 1, i, CASE WHEN i >= 1000000 THEN 1000 + i - 999999 ELSE 1 END, 1 FROM generate_series(20, 1000019) i;
        UPDATE "Listings" SET "PaperCount" = 1000020;
        UPDATE "SeedFiles" SET "EntryCount" = 1000020;
        """;
}
