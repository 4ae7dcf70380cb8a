using System.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace PaperListing.Web.Protection;

/// <summary>
/// Kestrel's limits, the outer bound on what one request may make the server read, each changeable in "Kestrel:Limits"
/// (<see cref="KestrelLimitOptions"/>, e.g. Kestrel__Limits__MaxRequestHeadersTotalSize). Kestrel answers a request
/// beyond them itself, before the app sees it, so without the security headers: they sit above the site's own limits
/// (<see cref="RequestSizeLimit"/>, whose answers carry them), so that only a request far beyond any real one meets
/// them. No Server header: it tells an attacker what to try.
/// </summary>
public static class KestrelLimits
{
    /// <summary>
    /// The server's options are made when the server is, which can come before the startup validation: the limits
    /// are taken from the validated options, so a bad one stops the app there with the message naming it.
    /// </summary>
    public static IWebHostBuilder UsePaperListingKestrelLimits(this IWebHostBuilder webHost) =>
        webHost.ConfigureServices(services => services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<KestrelLimitOptions>, IConfiguration>((kestrel, limits, configuration) =>
            {
                kestrel.AddServerHeader = false;
                Apply(limits.Value, kestrel.Limits);
                BindOthers(configuration.GetSection(KestrelLimitOptions.Section), kestrel.Limits);
            }));

    private static void Apply(KestrelLimitOptions options, KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = options.MaxRequestLineSize;
        limits.MaxRequestHeadersTotalSize = options.MaxRequestHeadersTotalSize;
        limits.MaxRequestHeaderCount = options.MaxRequestHeaderCount;
        limits.MaxRequestBodySize = options.MaxRequestBodySize;
        limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
    }

    /// <summary>
    /// Kestrel's other limits (e.g. MaxConcurrentConnections) set in the same section, checked by Kestrel's own rules:
    /// bound one setting at a time, so a value Kestrel refuses is reported with its name.
    /// </summary>
    private static void BindOthers(IConfigurationSection section, KestrelServerLimits limits)
    {
        foreach (var setting in section.GetChildren())
        {
            var alone = setting.AsEnumerable().Select(kv => KeyValuePair.Create(kv.Key[(section.Path.Length + 1)..], kv.Value));
            try
            {
                new ConfigurationBuilder().AddInMemoryCollection(alone).Build().Bind(limits);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or TargetInvocationException)
            {
                var reason = (ex as TargetInvocationException)?.InnerException?.Message ?? ex.Message;
                throw new OptionsValidationException(setting.Path, typeof(KestrelServerLimits), [$"{setting.Path}: {reason}"]);
            }
        }
    }
}
