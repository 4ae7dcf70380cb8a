using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// The SQLite file locked by another program (an sqlite3 shell in exclusive locking mode holding a transaction):
/// cached pages are still served; any other page waits at most Database:BusyTimeoutSeconds and is then a friendly
/// 503 with Retry-After; once the lock is let go, pages are served again without a restart. (Connections the site
/// already holds share the WAL index and read on past such a lock; a connection opened while it is held waits, as
/// after a restart or when the pool grows under load. The test starts from an empty pool to see the waiting case.)
/// </summary>
public sealed class SqliteLockTests
{
    [Fact]
    public async Task FileLockedExclusively_ServesCachedPages_Answers503AfterTheBusyTimeout_AndServesAgainOnceReleased()
    {
        TestDatabase.RequireSqlite("a lock on the SQLite file; DatabaseOutageTests covers an unreachable PostgreSQL");
        using var site = new SiteFactory()
            .WithSeed("000_outage.txt", TestSeeds.Dump("Outage Listing", 100))
            .WithSetting("Database:BusyTimeoutSeconds", "1");
        await site.ImportedAsync();
        using var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/related/outage-listing")).StatusCode);

        SqliteConnection.ClearAllPools();
        // What `sqlite3 papers.db` does with "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; <a write>": no one else may read.
        using (var locker = new SqliteConnection($"Data Source={site.DatabasePath};Pooling=False;Default Timeout=5"))
        {
            locker.Open();
            using (var command = locker.CreateCommand())
            {
                command.CommandText = """
                    PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE;
                    INSERT INTO "DatabaseFacts" ("Key", "Value") VALUES ('lock test', 'never committed');
                    """;
                command.ExecuteNonQuery();
            }

            using var cached = await client.GetAsync("/related/outage-listing");
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.NotNull(cached.Headers.Age);

            var clock = Stopwatch.StartNew();
            using var uncached = await client.GetAsync("/related/outage-listing?page=2");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, uncached.StatusCode);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
            Assert.NotNull(uncached.Headers.RetryAfter);
            Assert.Contains("<h1>Back in a moment</h1>", await uncached.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using (var rollback = locker.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                rollback.ExecuteNonQuery();
            }
        }

        using var back = await client.GetAsync("/related/outage-listing?page=2");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Contains("Paper 21 studies", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
