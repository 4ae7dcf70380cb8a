using System.Net;
using System.Net.Sockets;

namespace PaperListing.Web.Protection;

/// <summary>
/// Who a request comes from, for rate limiting: the remote address (forwarded headers, where configured, have set it
/// already). An IPv6 client is its /64, the block one host is usually given, so it cannot dodge a limit by hopping
/// addresses inside it.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
