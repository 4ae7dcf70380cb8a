using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Data;

namespace PaperListing.Tests.Reliability;

/// <summary>Overlong addresses and stuck requests are cut short with a friendly answer.</summary>
public sealed class RequestLimitTests(HostileSite site) : IClassFixture<HostileSite>
{
    [Fact]
    public async Task OverlongQuery_Answers414WithAFriendlyPage()
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/?q=" + new string('a', 2100));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Address too long</h1>", html, StringComparison.Ordinal);
        Assert.Contains("2,048 characters", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAtTheLimit_IsServed()
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/?q=" + new string('a', 2048 - "?q=".Length));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OverlongQuery_UnderApi_AnswersAJsonProblem()
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/api/papers?q=" + new string('a', 3000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HangingDatabase_IsCutOffAfterTheTimeoutWithAFriendly504()
    {
        var faults = new FaultyDatabase();
        using var hanging = new SiteFactory().WithRealSeed()
            .WithSetting("RequestLimits:TimeoutSeconds", "1")
            .WithServices(s => s.ConfigureDbContext<PapersDbContext>(o => o.AddInterceptors(faults)));
        await hanging.ImportedAsync();
        faults.Now = FaultyDatabase.Fault.Hang;
        using var client = hanging.CreateClient();

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(20));
        Assert.Contains("<h1>Too slow</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        faults.Now = FaultyDatabase.Fault.None;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
