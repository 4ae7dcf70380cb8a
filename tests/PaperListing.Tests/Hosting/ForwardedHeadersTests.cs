using System.Net;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Hosting;

/// <summary>
/// X-Forwarded-For/Proto/Host are believed from the configured proxies only. The request log line shows the address
/// as the site understood it, so it is what these tests read.
/// </summary>
public sealed class ForwardedHeadersTests
{
    // Documentation addresses (RFC 5737): only ever compared in-process, never contacted.
    private const string Proxy = "192.0.2.10";
    private const string Client = "203.0.113.7";
    private const string Stranger = "198.51.100.20";

    private static SiteFactory Site() => new SiteFactory()
        .WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3))
        .WithSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore", "Information");

    [Fact]
    public async Task Get_FromKnownProxy_SchemeHostAndClientAreTheForwardedOnes()
    {
        await using var site = Site().WithSetting("Proxy:KnownProxies", Proxy);

        var line = await RequestLogLineAsync(site, from: Proxy);

        Assert.Contains($"https://papers.example.org/ responded 200", line, StringComparison.Ordinal);
        Assert.EndsWith($"for {Client}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FromKnownProxyGivenAsAnArray_SchemeHostAndClientAreTheForwardedOnes()
    {
        await using var site = Site().WithSetting("Proxy:KnownProxies:0", "192.0.2.1").WithSetting("Proxy:KnownProxies:1", Proxy);

        var line = await RequestLogLineAsync(site, from: Proxy);

        Assert.Contains($"https://papers.example.org/ responded 200", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FromKnownNetwork_SchemeHostAndClientAreTheForwardedOnes()
    {
        await using var site = Site().WithSetting("Proxy:KnownNetworks", "10.0.0.0/8, 192.0.2.0/24");

        var line = await RequestLogLineAsync(site, from: "192.0.2.99");

        Assert.Contains($"https://papers.example.org/ responded 200", line, StringComparison.Ordinal);
        Assert.EndsWith($"for {Client}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FromUnknownAddress_ForwardedHeadersAreIgnored()
    {
        await using var site = Site().WithSetting("Proxy:KnownProxies", Proxy);

        var line = await RequestLogLineAsync(site, from: Stranger);

        Assert.Contains("http://localhost/ responded 200", line, StringComparison.Ordinal);
        Assert.EndsWith($"for {Stranger}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FromKnownProxyUnderPathBase_LogShowsTheWholeForwardedAddress()
    {
        await using var site = Site().WithSetting("Proxy:KnownProxies", Proxy).WithSetting("PathBase", "/reading-list");

        var line = await RequestLogLineAsync(site, from: Proxy, path: "/reading-list/");

        Assert.Contains("https://papers.example.org/reading-list/ responded 200", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Proxy:KnownProxies", "proxy.internal", "Proxy:KnownProxies: \"proxy.internal\" is not an IP address")]
    [InlineData("Proxy:KnownNetworks", "10.0.0.0", "Proxy:KnownNetworks: \"10.0.0.0\" is not a network such as 10.0.0.0/8")]
    public void Startup_MalformedProxySetting_FailsNamingTheEntry(string key, string value, string message)
    {
        var error = SiteFactory.StartupError(() => new SiteFactory().WithSetting(key, value));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> RequestLogLineAsync(SiteFactory site, string from, string path = "/")
    {
        await site.ImportedAsync();
        var context = await site.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            c.Request.Headers["X-Forwarded-For"] = Client;
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-Host"] = "papers.example.org";
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
        }, TestContext.Current.CancellationToken);
        Assert.Equal(200, context.Response.StatusCode);
        // The line is written as the pipeline unwinds, which may be just after the response reached the test.
        for (var waited = 0; waited < 5000 && !RequestLines(site).Any(); waited += 50)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        return Assert.Single(RequestLines(site));
    }

    private static IEnumerable<string> RequestLines(SiteFactory site) =>
        site.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Information).Where(m => m.StartsWith("HTTP GET ", StringComparison.Ordinal));
}
