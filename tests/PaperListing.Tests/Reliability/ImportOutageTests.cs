using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Configuration;
using PaperListing.Web.Data;
using PaperListing.Web.Search;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// The database lost in the middle of the startup import (on PostgreSQL: the import's own backend terminated, as a
/// restart or failover does; on SQLite: the file found locked): the import runs again once the database answers,
/// keeps the files already written, finishes the rest, and every row is there once.
/// </summary>
public sealed class ImportOutageTests
{
    /// <summary>The engine's search index, except that the first time the third file is indexed, the database goes away.</summary>
    private sealed class LostOnThirdFile(IPaperSearch inner) : IPaperSearch
    {
        private int _files;

        public string IndexSchemaSql => inner.IndexSchemaSql;

        public IQueryable<TextMatch> Matches(PapersDbContext db, SearchPhrases phrases) => inner.Matches(db, phrases);

        public IQueryable<TextMatch> MatchesAny(PapersDbContext db, IReadOnlyList<string> stems) => inner.MatchesAny(db, stems);

        public void RemoveDocuments(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchDocument> documents) =>
            inner.RemoveDocuments(connection, transaction, documents);

        public void AddDocuments(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchDocument> documents)
        {
            if (Interlocked.Increment(ref _files) == 3)
            {
                if (!TestDatabase.IsPostgres)
                {
                    throw FaultyDatabase.OutageException();
                }
                // The server ends this session, as it ends every session when it stops.
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "SELECT pg_terminate_backend(pg_backend_pid())";
                command.ExecuteNonQuery();
            }
            inner.AddDocuments(connection, transaction, documents);
        }
    }

    [Fact]
    public async Task DatabaseLostMidImport_TheImportRunsAgainAndFinishes_NothingLostOrDoubled()
    {
        using var site = new SiteFactory()
            .WithSeed("000_a.txt", TestSeeds.Dump("Listing A", 30))
            .WithSeed("001_b.txt", TestSeeds.Dump("Listing B", 30, first: 31))
            .WithSeed("002_c.txt", TestSeeds.Dump("Listing C", 30, first: 61))
            .WithSeed("003_d.txt", TestSeeds.Dump("Listing D", 30, first: 91))
            .WithServices(s => s.AddSingleton<IPaperSearch>(sp => new LostOnThirdFile(PaperSearchSetup.For(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value))));

        var report = await site.ImportedAsync();

        Assert.Contains(site.Logs.Messages(LogLevel.Warning), m => m.Contains("The database went away during the import: importing again (attempt 2)", StringComparison.Ordinal));
        Assert.Equal(0, report.FilesFailed);
        Assert.Equal(2, report.FilesUnchanged);
        Assert.Equal(60, report.EntriesImported);
        using var db = site.CreateDb();
        Assert.Equal(4, await db.SeedFiles.CountAsync());
        Assert.Equal(120, await db.ListingEntries.CountAsync());
        Assert.Equal(120, await db.Papers.CountAsync());
        Assert.Equal(120, await db.ListingEntries.Select(e => e.PaperId).Distinct().CountAsync());
        using var client = site.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Contains("Paper 75 studies", await client.GetStringAsync("/related/listing-c"), StringComparison.Ordinal);
    }
}
