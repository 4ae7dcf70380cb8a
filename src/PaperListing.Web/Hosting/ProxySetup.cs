using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;

namespace PaperListing.Web.Hosting;

/// <summary>Believes X-Forwarded-For/Proto/Host only from loopback and the proxies named in the "Proxy" settings.</summary>
public static class ProxySetup
{
    public static IServiceCollection AddForwardedHeadersFromProxySettings(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var address in proxy.Value.Proxies())
            {
                forwarded.KnownProxies.Add(address);
            }
            foreach (var network in proxy.Value.Networks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }
}
