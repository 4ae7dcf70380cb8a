using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PaperListing.Web.Protection;

/// <summary>
/// Kestrel's limits, tighter than its defaults for a read-only site, each changeable in "Kestrel:Limits"
/// (e.g. Kestrel__Limits__MaxRequestHeadersTotalSize). No Server header: it tells an attacker what to try.
/// </summary>
public static class KestrelLimits
{
    public static IWebHostBuilder UsePaperListingKestrelLimits(this IWebHostBuilder webHost) =>
        webHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            Apply(kestrel.Limits);
            context.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits);
        });

    private static void Apply(KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = 8 * 1024;
        limits.MaxRequestHeadersTotalSize = 16 * 1024;
        limits.MaxRequestHeaderCount = 50;
        limits.MaxRequestBodySize = 64 * 1024;
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
    }
}
