using System.Net;
using System.Net.Sockets;
using System.Text;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Reliability;

/// <summary>What only the real server (Kestrel, on a loopback port) shows: its limits, its headers, HEAD without a body.</summary>
public sealed class RealServerTests(RealServerTests.RealServer server) : IClassFixture<RealServerTests.RealServer>
{
    public sealed class RealServer : SiteFactory
    {
        public RealServer()
        {
            WithRealSeed();
            WithSeed(HostileSeeds.FileName, HostileSeeds.Dump());
            Port = LoopbackPorts.Next();
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
            StartServer();
        }

        public int Port { get; }

        public HttpClient Client() =>
            new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{Port}/") };
    }

    /// <summary>Sends raw bytes, as a crawler or an attacker may, and returns the status line.</summary>
    private async Task<string> SendRawAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) ?? "";
    }

    [Fact]
    public async Task Responses_CarryNoServerHeader()
    {
        using var client = server.Client();

        using var page = await client.GetAsync("/");
        using var missing = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Server"));
        Assert.False(missing.Headers.Contains("Server"));
    }

    [Fact]
    public async Task HugeHeaders_Answer431_AndTheServerGoesOn()
    {
        var status = await SendRawAsync($"GET / HTTP/1.1\r\nHost: localhost\r\nAccept-Language: {new string('a', 20_000)}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 431", status, StringComparison.Ordinal);
        using var client = server.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task HugeRequestLine_Answers414()
    {
        var status = await SendRawAsync($"GET /{new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 414", status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET /%00 HTTP/1.1")]
    [InlineData("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1")]
    [InlineData("GET /related/%ff%fe HTTP/1.1")]
    [InlineData("GET /related/%c0%ae%c0%ae HTTP/1.1")]
    [InlineData("GET /../../etc/passwd HTTP/1.1")]
    [InlineData("GET /?page=%00 HTTP/1.1")]
    [InlineData("GARBAGE")]
    public async Task MalformedRequests_AreRefusedWithoutAServerError(string requestLine)
    {
        var status = await SendRawAsync($"{requestLine}\r\nHost: localhost\r\n\r\n");

        Assert.Matches(@"^HTTP/1\.1 [234]\d\d ", status);
    }

    [Fact]
    public async Task Head_OnEveryRoute_GivesTheSameStatusAndHeadersWithoutABody()
    {
        using var client = server.Client();
        var addresses = await SiteRoutes.AddressesAsync(server, client);

        foreach (var url in addresses.Values.Concat(["/css/site.css", "/no/such/page", "/?page=abc"]))
        {
            using var get = await client.GetAsync(url);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

            Assert.Equal(get.StatusCode, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }
}
