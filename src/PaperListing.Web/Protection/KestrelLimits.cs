using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PaperListing.Web.Protection;

/// <summary>
/// Kestrel's limits, the outer bound on what one request may make the server read, each changeable in "Kestrel:Limits"
/// (e.g. Kestrel__Limits__MaxRequestHeadersTotalSize). Kestrel answers a request beyond them itself, before the app
/// sees it, so without the security headers: they sit above the site's own limits (<see cref="RequestSizeLimit"/>,
/// whose answers carry them), so that only a request far beyond any real one meets them. No Server header: it tells
/// an attacker what to try.
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
        limits.MaxRequestLineSize = 32 * 1024;
        limits.MaxRequestHeadersTotalSize = 64 * 1024;
        limits.MaxRequestHeaderCount = 100;
        limits.MaxRequestBodySize = 64 * 1024;
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
    }
}
