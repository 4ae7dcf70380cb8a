using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Configuration;
using PaperListing.Web.Resilience;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// How many pages are made at once unless Resilience:ConcurrentRequests says: the cores on SQLite (its queries run on
/// the request's thread, so more only takes CPU from the cached pages beside them), 32 on PostgreSQL.
/// </summary>
public sealed class ConcurrencyDefaultTests
{
    private static ResilienceOptions Resolved(params (string Key, string Value)[] settings)
    {
        var postgres = settings.Any(s => s is ("Database:Provider", "Postgres"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))
                .Append(KeyValuePair.Create("ConnectionStrings:Papers", (string?)(postgres ? "Host=127.0.0.1;Database=papers" : "Data Source=papers.db"))))
            .Build();
        using var provider = new ServiceCollection()
            .AddPaperListingSettings(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() })
            .BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ResilienceOptions>>().Value;
    }

    [Fact]
    public void OnSqlite_PagesMadeAtOnce_AreTheCores()
    {
        Assert.Equal(Environment.ProcessorCount, Resolved().ConcurrentRequests);
        Assert.Equal(Environment.ProcessorCount, Resolved(("Database:Provider", "Sqlite")).ConcurrentRequests);
    }

    [Fact]
    public void OnPostgres_PagesMadeAtOnce_Are32()
    {
        Assert.Equal(32, Resolved(("Database:Provider", "Postgres")).ConcurrentRequests);
    }

    [Fact]
    public void ASetNumber_IsKeptOnEitherEngine()
    {
        Assert.Equal(7, Resolved(("Resilience:ConcurrentRequests", "7")).ConcurrentRequests);
        Assert.Equal(7, Resolved(("Database:Provider", "Postgres"), ("Resilience:ConcurrentRequests", "7")).ConcurrentRequests);
    }

    [Fact]
    public void ANegativeNumber_StopsTheSiteAtStartupNamingIt()
    {
        var error = SiteFactory.StartupError(() => new SiteFactory().WithSetting("Resilience:ConcurrentRequests", "-1"));

        Assert.Contains("Resilience:ConcurrentRequests", error.Message, StringComparison.Ordinal);
    }
}
