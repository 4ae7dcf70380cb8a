using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Hosting;

namespace PaperListing.Tests.Hosting;

/// <summary>The --healthcheck switch that a container health check runs: 0 for a healthy site, 1 for anything else.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task Probe_HealthySite_Returns0()
    {
        await using var site = new SiteFactory().WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3));
        site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        site.StartServer();
        await site.ImportedAsync();
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        Assert.Equal(0, await HealthProbe.RunAsync([HealthProbe.Switch, $"{address}/healthz"]));
    }

    [Fact]
    public async Task Probe_NothingListening_Returns1()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();

        Assert.Equal(1, await HealthProbe.RunAsync([HealthProbe.Switch, $"http://127.0.0.1:{port}/healthz"], TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Probe_MalformedUrl_Returns1() =>
        Assert.Equal(1, await HealthProbe.RunAsync([HealthProbe.Switch, "not a url"]));

    [Theory]
    [InlineData(null, null, "http://localhost:8080/healthz")]
    [InlineData(null, "9000;9001", "http://localhost:9000/healthz")]
    [InlineData("http://+:5080", "8080", "http://localhost:5080/healthz")]
    [InlineData("https://+:443;http://[::]:5000/", null, "http://localhost:5000/healthz")]
    [InlineData("http://localhost", null, "http://localhost:80/healthz")]
    public void DefaultUrl_FollowsTheListeningSettings(string? urls, string? httpPorts, string expected)
    {
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = urls, ["ASPNETCORE_HTTP_PORTS"] = httpPorts };

        Assert.Equal(expected, HealthProbe.DefaultUrl(name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public void IsRequested_OnlyAsTheFirstArgument()
    {
        Assert.True(HealthProbe.IsRequested(["--healthcheck"]));
        Assert.False(HealthProbe.IsRequested(["--urls", "http://+:80", "--healthcheck"]));
        Assert.False(HealthProbe.IsRequested([]));
    }
}
