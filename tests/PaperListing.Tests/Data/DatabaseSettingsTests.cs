using Microsoft.Extensions.Logging;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Data;

/// <summary>A database setting that cannot work stops the site at startup, naming the setting.</summary>
public sealed class DatabaseSettingsTests
{
    [Theory]
    [InlineData("Database:Provider", "MySql", "Database:Provider must be Sqlite or Postgres")]
    [InlineData("Database:Provider", "Oracle", "Database:Provider must be Sqlite or Postgres")]
    public void Startup_UnknownProvider_FailsNamingTheSetting(string key, string value, string message)
    {
        var error = SiteFactory.StartupError(() => new SiteFactory().WithSetting(key, value));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Nonsense=1", "ConnectionStrings:Papers is not a valid PostgreSQL connection string")]
    [InlineData("Database=papers;Username=site", "ConnectionStrings:Papers must name a Host")]
    [InlineData("Host=db;Port=notanumber", "ConnectionStrings:Papers is not a valid PostgreSQL connection string")]
    public void Startup_PostgresWithBadConnectionString_FailsNamingTheSetting(string connectionString, string message)
    {
        var error = SiteFactory.StartupError(() =>
            new SiteFactory().WithSetting("Database:Provider", "Postgres").WithSetting("ConnectionStrings:Papers", connectionString));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_PostgresUnreachable_ReportsTheSettingAndAnswersHealthUnhealthy()
    {
        using var site = new SiteFactory().WithRealSeed()
            .WithSetting("Database:Provider", "Postgres")
            .WithSetting("ConnectionStrings:Papers", "Host=127.0.0.1;Port=1;Database=papers;Username=site;Password=x;Timeout=2");

        var client = site.CreateClient();
        // A replica started before its database keeps trying for about a minute: it says why at once, and is not ready meanwhile.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!site.Logs.Messages(LogLevel.Error).Any(m => m.Contains("ConnectionStrings:Papers", StringComparison.Ordinal)) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Assert.Contains(site.Logs.Messages(LogLevel.Error),
            m => m.Contains("ConnectionStrings:Papers", StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }
}
