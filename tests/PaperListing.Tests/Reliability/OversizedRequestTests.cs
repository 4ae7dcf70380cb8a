using System.Net;
using System.Net.Sockets;
using System.Text;
using PaperListing.Web.Protection;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// Oversized requests sent as raw bytes to the real server: up to far beyond any real request the site answers them
/// itself (414, 431) with its security headers and a friendly page; only beyond Kestrel's outer bounds, and for bytes
/// that are not HTTP at all, does Kestrel answer bare, as README.md ("Defences") says.
/// </summary>
public sealed class OversizedRequestTests(RealServerTests.RealServer server) : IClassFixture<RealServerTests.RealServer>
{
    public static TheoryData<string, int> Oversized => new()
    {
        { $"GET /{new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n", 414 },
        { $"GET /?q={new string('a', 20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n", 414 },
        { $"GET / HTTP/1.1\r\nHost: localhost\r\nAccept-Language: {new string('a', 20_000)}\r\n\r\n", 431 },
        { $"GET /css/site.css HTTP/1.1\r\nHost: localhost\r\nCookie: {new string('a', 40_000)}\r\n\r\n", 431 },
        { "GET / HTTP/1.1\r\nHost: localhost\r\n" + string.Concat(Enumerable.Range(1, 60).Select(i => $"X-Extra-{i}: {i}\r\n")) + "\r\n", 431 },
        { $"GET /api/listings HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('a', 20_000)}\r\n\r\n", 431 },
    };

    [Theory]
    [MemberData(nameof(Oversized))]
    public async Task OversizedRequest_IsAnsweredByTheSite_WithTheSecurityHeaders(string request, int expected)
    {
        var (status, headers) = await SendRawAsync(request);

        Assert.Equal(expected, status);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, headers.GetValueOrDefault("content-security-policy"));
        Assert.Equal("nosniff", headers.GetValueOrDefault("x-content-type-options"));
        Assert.Equal("DENY", headers.GetValueOrDefault("x-frame-options"));
        Assert.Equal("strict-origin-when-cross-origin", headers.GetValueOrDefault("referrer-policy"));
        Assert.Equal(SecurityHeaders.PermissionsPolicy, headers.GetValueOrDefault("permissions-policy"));
        Assert.Matches("^(text/html|application/problem\\+json)", headers.GetValueOrDefault("content-type") ?? "");
    }

    [Theory]
    [InlineData("GET /{0} HTTP/1.1\r\nHost: localhost\r\n\r\n", 40_000, 414)]
    [InlineData("GET / HTTP/1.1\r\nHost: localhost\r\nCookie: {0}\r\n\r\n", 70_000, 431)]
    public async Task RequestBeyondKestrelsBounds_IsRefusedByKestrel_AndTheServerGoesOn(string template, int size, int expected)
    {
        var (status, _) = await SendRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, new string('a', size)));

        Assert.Equal(expected, status);
        using var client = server.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
    }

    /// <summary>Sends raw bytes and reads the status code and the response's headers (names in lower case).</summary>
    private async Task<(int Status, Dictionary<string, string> Headers)> SendRawAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.Port, TestContext.Current.CancellationToken);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken) ?? "";
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers);
    }
}
