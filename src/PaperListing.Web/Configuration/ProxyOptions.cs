using System.ComponentModel.DataAnnotations;
using System.Net;

namespace PaperListing.Web.Configuration;

/// <summary>
/// The "Proxy" section: the reverse proxies whose X-Forwarded-For/Proto/Host headers are believed. Loopback is
/// always trusted; each setting adds addresses, written as one comma-separated list or as an array.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Proxy";
    private static readonly char[] Separators = [',', ';', ' '];

    /// <summary>Proxy addresses, e.g. "10.0.0.2,fd00::2".</summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Proxy networks in CIDR notation, e.g. "10.0.0.0/8,172.16.0.0/12".</summary>
    public string KnownNetworks { get; set; } = "";

    public IEnumerable<IPAddress> Proxies() => Split(KnownProxies).Select(IPAddress.Parse);

    public IEnumerable<IPNetwork> Networks() => Split(KnownNetworks).Select(n => IPNetwork.Parse(n));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var address in Split(KnownProxies).Where(a => !IPAddress.TryParse(a, out _)))
        {
            yield return new ValidationResult($"Proxy:KnownProxies: \"{address}\" is not an IP address", [nameof(KnownProxies)]);
        }
        foreach (var network in Split(KnownNetworks).Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Proxy:KnownNetworks: \"{network}\" is not a network such as 10.0.0.0/8", [nameof(KnownNetworks)]);
        }
    }

    private static string[] Split(string list) => list.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
