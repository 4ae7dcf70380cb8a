using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Importing;

namespace PaperListing.Tests.Hosting;

/// <summary>/healthz as a container runtime polls it: quiet when healthy, a warning (not an error) while importing.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Check_WhileImporting_IsDegradedNotUnhealthy()
    {
        var status = new ImportStatus();

        var result = await status.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("importing seeds", result.Description);
    }

    [Fact]
    public async Task Check_AfterAFailedImport_IsUnhealthy()
    {
        var status = new ImportStatus();
        status.Fail("disk full");

        var result = await status.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task Get_HealthyHealthz_IsNotInTheRequestLog()
    {
        await using var site = new SiteFactory()
            .WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3))
            .WithSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore", "Information");
        await site.ImportedAsync();
        using var client = site.CreateClient();

        var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        var page = await client.GetAsync("/", TestContext.Current.CancellationToken);
        for (var waited = 0; waited < 5000 && !RequestLines(site).Any(); waited += 50)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(RequestLines(site), l => l.Contains("http://localhost/ responded 200", StringComparison.Ordinal));
        Assert.DoesNotContain(RequestLines(site), l => l.Contains("/healthz", StringComparison.Ordinal));
    }

    private static IEnumerable<string> RequestLines(SiteFactory site) =>
        site.Logs.Messages(LogLevel.Information).Where(m => m.StartsWith("HTTP GET ", StringComparison.Ordinal));
}
