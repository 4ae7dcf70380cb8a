using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PaperListing.Tests.Infrastructure;

/// <summary>One route of the site, as its EndpointDataSource declares it.</summary>
public sealed record SiteRoute(string Pattern, RoutePattern Parsed, Regex Matcher, IReadOnlyList<string>? Methods)
{
    public IReadOnlyList<RoutePatternParameterPart> Parameters => Parsed.Parameters;
    public bool IsIntParameter(RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Any(p => p.Content is "int" or "long");
    public bool Answers(string method) => Methods is null || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);
    public override string ToString() => Pattern;
}

/// <summary>
/// Every route the running site maps (pages, health, API: whatever exists on this branch), found from its endpoints,
/// and for each an address that answers it, found by crawling the site's links and trying values from the database.
/// </summary>
public static class SiteRoutes
{
    public static IReadOnlyList<SiteRoute> Discover(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new SiteRoute(
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                e.RoutePattern,
                MatcherFor(e.RoutePattern),
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? [.. methods] : null))
            .DistinctBy(r => r.Pattern)
            .OrderBy(r => r.Pattern, StringComparer.Ordinal)
            .ToList();

    /// <summary>Values the site's addresses are made of: slugs and paper addresses from the database, and every path segment it links to.</summary>
    public static async Task<IReadOnlyList<string>> KnownValuesAsync(SiteFactory site, IEnumerable<string> crawled)
    {
        await using var db = site.CreateDb();
        var values = new List<string>();
        values.AddRange(await db.Listings.Select(l => l.Slug).Take(50).ToListAsync());
        values.AddRange(await db.Papers.Select(p => p.PublicId).Take(50).ToListAsync());
        values.AddRange(await db.Authors.Select(a => a.Slug).Take(50).ToListAsync());
        values.AddRange(await db.Subjects.Select(s => s.Slug).Take(20).ToListAsync());
        values.AddRange(await db.Fields.Select(f => f.Slug).Take(20).ToListAsync());
        values.AddRange(crawled.SelectMany(url => url.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries)).Select(WebUtility.UrlDecode)!);
        return values.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The site's own addresses, from following its links (same site only) from the home page.</summary>
    public static async Task<IReadOnlyList<string>> CrawlAsync(HttpClient client, int maxPages = 60)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        var parser = new HtmlParser();
        while (queue.Count > 0 && seen.Count < maxPages * 4)
        {
            var url = queue.Dequeue();
            using var response = await client.GetAsync(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var page = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var href in page.QuerySelectorAll("a[href], link[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && seen.Add(href.Split('#')[0]) && queue.Count < maxPages)
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
        }
        return seen.ToList();
    }

    /// <summary>For each route, an address that answers it with a success, or the best try when none does.</summary>
    public static async Task<IReadOnlyDictionary<SiteRoute, string>> AddressesAsync(SiteFactory site, HttpClient client)
    {
        var crawled = await CrawlAsync(client);
        var values = await KnownValuesAsync(site, crawled);
        var addresses = new Dictionary<SiteRoute, string>();
        foreach (var route in Discover(site.Services).Where(r => r.Answers(HttpMethods.Get)))
        {
            var candidates = crawled.Where(url => route.Matcher.IsMatch(url.Split('?')[0]))
                .Concat(Fillings(route, values).Take(200));
            string? fallback = null;
            foreach (var url in candidates)
            {
                fallback ??= url;
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    addresses[route] = url;
                    break;
                }
            }
            addresses.TryAdd(route, fallback ?? Fill(route, _ => "1"));
        }
        return addresses;
    }

    /// <summary>The route's address with each parameter given by <paramref name="value"/> (escaped).</summary>
    public static string Fill(SiteRoute route, Func<RoutePatternParameterPart, string?> value)
    {
        var segments = new List<string>();
        foreach (var segment in route.Parsed.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                text += part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => value(parameter) is { } v
                        ? (parameter.IsCatchAll ? v : Uri.EscapeDataString(v))
                        : parameter.Default?.ToString() ?? "",
                    _ => "",
                };
            }
            if (text.Length > 0)
            {
                segments.Add(text);
            }
        }
        return "/" + string.Join('/', segments);
    }

    private static IEnumerable<string> Fillings(SiteRoute route, IReadOnlyList<string> values)
    {
        if (route.Parameters.Count == 0)
        {
            yield return Fill(route, _ => null);
            yield break;
        }
        // Each parameter tried with every known value (the others fixed to one), then a few mixtures.
        foreach (var parameter in route.Parameters)
        {
            foreach (var value in route.IsIntParameter(parameter) ? ["1", "404"] : values)
            {
                yield return Fill(route, p => p == parameter ? value : route.IsIntParameter(p) ? "1" : (values.Count > 0 ? values[0] : "x"));
            }
        }
    }

    private static Regex MatcherFor(RoutePattern pattern)
    {
        var regex = "^";
        foreach (var segment in pattern.PathSegments)
        {
            var part = string.Concat(segment.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart literal => Regex.Escape(literal.Content),
                RoutePatternSeparatorPart separator => Regex.Escape(separator.Content),
                RoutePatternParameterPart { IsCatchAll: true } => ".*",
                RoutePatternParameterPart => "[^/]+?",
                _ => "",
            }));
            var optional = segment.Parts is [RoutePatternParameterPart { IsOptional: true } or RoutePatternParameterPart { IsCatchAll: true }];
            regex += optional ? $"(?:/{part})?" : $"/{part}";
        }
        return new Regex(regex == "^" ? "^/$" : regex + "/?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }
}
