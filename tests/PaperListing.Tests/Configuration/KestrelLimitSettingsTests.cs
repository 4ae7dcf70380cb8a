using System.Net;
using System.Net.Sockets;
using System.Text;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Configuration;

/// <summary>Kestrel's limits, set in "Kestrel:Limits", reach the real server (which answers beyond them itself, bare).</summary>
public sealed class KestrelLimitSettingsTests
{
    [Fact]
    public async Task KestrelLimitSetting_IsTheServersBound()
    {
        var port = LoopbackPorts.Next();
        using var site = new SiteFactory().WithSetting("Kestrel:Limits:MaxRequestLineSize", "1024");
        site.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        site.StartServer();

        // 2,000 characters: far below the site's own limit (8,192), above the one just set for Kestrel.
        var response = await SendRawAsync(port, $"GET /{new string('a', 2000)} HTTP/1.1\r\nHost: localhost\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 414", response, StringComparison.Ordinal);
        Assert.DoesNotContain("Content-Security-Policy", response, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> SendRawAsync(int port, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
