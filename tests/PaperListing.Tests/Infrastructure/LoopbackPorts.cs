using System.Net;
using System.Net.Sockets;

namespace PaperListing.Tests.Infrastructure;

/// <summary>Free loopback ports for real servers started by the tests, from the project's range 5300-5399.</summary>
public static class LoopbackPorts
{
    private static int _next = Random.Shared.Next(100);

    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = 5300 + (Interlocked.Increment(ref _next) % 100);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: try the next one.
            }
        }
        throw new InvalidOperationException("No free port in 5300-5399");
    }
}
