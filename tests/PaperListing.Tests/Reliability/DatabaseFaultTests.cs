using System.Data;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Data;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// A database that cannot be written (read-only, or its disk full) during an import: the operator reads a clear log
/// line and an unhealthy /healthz, visitors still get every page imported before, and a later start catches up.
/// </summary>
public sealed class DatabaseFaultTests
{
    /// <summary>A first host imports the real seed into a folder that outlives it; then a second listing is added.</summary>
    private static async Task<string> ImportedFolderAsync()
    {
        var root = Directory.CreateTempSubdirectory("paperlisting-").FullName;
        using (var first = new SiteFactory(root).KeepFiles().WithRealSeed())
        {
            await first.ImportedAsync();
        }
        File.WriteAllText(Path.Combine(root, "seeds", "100_new.txt"), TestSeeds.Dump("New Listing", 3000));
        return root;
    }

    private static async Task AssertServesWhatItHasAndIsUnhealthyAsync(SiteFactory site)
    {
        using var client = site.CreateClient();
        using var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Implicit Regularization in Deep Learning", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/related/new-listing")).StatusCode);
    }

    [Fact]
    public async Task ReadOnlyDatabase_LogsWhyServesWhatItHasAndReportsUnhealthy()
    {
        var root = await ImportedFolderAsync();
        using var site = new SiteFactory(root).WithSetting("ConnectionStrings:Papers", $"Data Source={Path.Combine(root, "papers.db")};Mode=ReadOnly");

        var report = await site.ImportedAsync();

        Assert.Equal(1, report.FilesFailed);
        Assert.Contains(site.Logs.Messages(LogLevel.Error), m => m.Contains("100_new.txt", StringComparison.Ordinal)
            && m.Contains("could not be written", StringComparison.Ordinal) && m.Contains("readonly database", StringComparison.Ordinal));
        await AssertServesWhatItHasAndIsUnhealthyAsync(site);
    }

    [Fact]
    public async Task DiskFullDuringImport_LogsWhyServesWhatItHasAndCatchesUpLater()
    {
        var root = await ImportedFolderAsync();
        var database = Path.Combine(root, "papers.db");
        using (var full = new SiteFactory(root).KeepFiles().WithServices(services => services.AddSingleton<IDbContextFactory<PapersDbContext>>(
            provider => new DiskFullAfter(ActivatorUtilities.CreateInstance<PooledDbContextFactory<PapersDbContext>>(provider), extraPages: 8))))
        {
            var report = await full.ImportedAsync();

            Assert.Equal(1, report.FilesFailed);
            Assert.Contains(full.Logs.Messages(LogLevel.Error), m => m.Contains("100_new.txt", StringComparison.Ordinal)
                && m.Contains("database or disk is full", StringComparison.Ordinal));
            await AssertServesWhatItHasAndIsUnhealthyAsync(full);
        }
        // The limit lives on the pooled connections, not in the file: a restart starts without it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var roomy = new SiteFactory(root);

        var later = await roomy.ImportedAsync();

        Assert.Equal(0, later.FilesFailed);
        Assert.Equal(3020, later.Papers);
        using var client = roomy.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/related/new-listing?page=150")).StatusCode);
    }

    /// <summary>Lets the database grow only a few pages past its size when opened: SQLite then answers SQLITE_FULL, as on a full disk.</summary>
    private sealed class DiskFullAfter(IDbContextFactory<PapersDbContext> inner, int extraPages) : IDbContextFactory<PapersDbContext>
    {
        public PapersDbContext CreateDbContext()
        {
            var db = inner.CreateDbContext();
            db.Database.GetDbConnection().StateChange += (sender, change) =>
            {
                if (change.CurrentState != ConnectionState.Open || sender is not System.Data.Common.DbConnection connection)
                {
                    return;
                }
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA page_count";
                var pages = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                command.CommandText = $"PRAGMA max_page_count = {pages + extraPages}";
                command.ExecuteScalar();
            };
            return db;
        }
    }
}
