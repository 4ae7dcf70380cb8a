using System.Net;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Hosting;

namespace PaperListing.Tests.Hosting;

/// <summary>
/// Liveness (/livez) and readiness (/healthz) as container platforms and load balancers ask them: while the first
/// import runs the site is alive but not ready; once it is done, both answer 200.
/// </summary>
public sealed class ProbeTests
{
    [Fact]
    public async Task Probes_WhileTheFirstImportWaits_LiveButNotReady_ThenBoth()
    {
        await using var site = new SiteFactory().WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3)).WithHeldImport();
        using var client = site.CreateClient();
        var held = site.HeldImport();
        await held.Asked.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        using var liveWhileImporting = await client.GetAsync(HealthEndpoints.Liveness, TestContext.Current.CancellationToken);
        using var readyWhileImporting = await client.GetAsync(HealthEndpoints.Readiness, TestContext.Current.CancellationToken);
        held.Release();
        await site.ImportedAsync();
        using var liveAfter = await client.GetAsync(HealthEndpoints.Liveness, TestContext.Current.CancellationToken);
        using var readyAfter = await client.GetAsync(HealthEndpoints.Readiness, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, liveWhileImporting.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileImporting.StatusCode);
        Assert.Equal("Degraded", await readyWhileImporting.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, liveAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyAfter.StatusCode);
    }

    [Fact]
    public async Task Liveness_WhileTheImportCannotReachTheDatabase_StillAnswers200WhileReadinessSays503()
    {
        await using var site = new SiteFactory().WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3))
            .WithSetting("Database:Provider", "Postgres")
            .WithSetting("ConnectionStrings:Papers", "Host=127.0.0.1;Port=1;Database=papers;Username=site;Password=x;Timeout=2");
        using var client = site.CreateClient();
        // The import keeps trying for about a minute; it has failed at least once when it names the setting.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!site.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Error).Any(m => m.Contains("ConnectionStrings:Papers", StringComparison.Ordinal))
            && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        using var live = await client.GetAsync(HealthEndpoints.Liveness, TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync(HealthEndpoints.Readiness, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Theory]
    [InlineData("/livez", "http://localhost:8080/livez")]
    [InlineData("/healthz", "http://localhost:8080/healthz")]
    public void ProbeSwitch_GivenAPath_AsksItOnTheSitesOwnPort(string path, string expected) =>
        Assert.Equal(expected, HealthProbe.DefaultUrl(_ => null, path));
}
