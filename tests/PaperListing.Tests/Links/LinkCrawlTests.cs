using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Links;

/// <summary>
/// A link checker's walk over the whole site: from the home page, robots.txt, the sitemap and the API, it follows every
/// same-origin link in pages, feeds, downloads and JSON, and finds each one answering 200 (no error, no redirect),
/// with every #fragment naming an element on its page.
/// </summary>
public sealed partial class LinkCrawlTests
{
    private const int MaxRequests = 3000;
    private static readonly Uri Origin = new("http://localhost/");

    [Fact]
    public async Task Crawl_FromEveryEntryPoint_FindsNoBrokenLink()
    {
        using var site = new TwoListingSite();
        site.WithSeed("002_third.txt", TestSeeds.Dump("Third Listing", 3, first: 100));
        using var client = site.CreateNoRedirectClient();
        var queue = new Queue<(string Url, string From)>([("/", "start"), ("/robots.txt", "start"), ("/sitemap.xml", "start"), ("/api/listings", "start")]);
        var seen = queue.Select(q => q.Url).ToHashSet();
        var broken = new List<string>();
        var idsByPage = new Dictionary<string, HashSet<string>>();
        var fragments = new List<(string Page, string Id, string From)>();

        while (queue.Count > 0 && seen.Count <= MaxRequests)
        {
            var (url, from) = queue.Dequeue();
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{url} answered {(int)response.StatusCode}, linked from {from}");
                continue;
            }
            var body = await response.Content.ReadAsStringAsync();
            var links = Links(response.Content.Headers.ContentType?.MediaType ?? "", body, url, idsByPage);
            foreach (var link in links)
            {
                var target = new Uri(new Uri(Origin, url), link);
                if (target.Host != Origin.Host || target.Scheme != Origin.Scheme)
                {
                    continue;
                }
                var path = target.PathAndQuery;
                if (target.Fragment.Length > 1)
                {
                    fragments.Add((path, Uri.UnescapeDataString(target.Fragment[1..]), url));
                }
                if (seen.Add(path))
                {
                    queue.Enqueue((path, url));
                }
            }
        }

        Assert.Empty(queue);
        Assert.Empty(broken);
        Assert.Empty(fragments.Where(f => !idsByPage.TryGetValue(f.Page, out var ids) || !ids.Contains(f.Id))
            .Select(f => $"{f.Page}#{f.Id}, linked from {f.From}"));
        foreach (var kind in new[] { "/papers/", "/authors/", "/subjects/", ".bib", ".ris", "/feed.atom", "/api/papers/", "/api/listings/", "?page=3" })
        {
            Assert.Contains(seen, url => url.Contains(kind, StringComparison.Ordinal));
        }
        Assert.True(seen.Count > 300, $"only {seen.Count} addresses were reached");
    }

    private static IEnumerable<string> Links(string mediaType, string body, string url, Dictionary<string, HashSet<string>> idsByPage)
    {
        switch (mediaType)
        {
            case "text/html":
                var page = new HtmlParser().ParseDocument(body);
                idsByPage[url] = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet();
                return page.QuerySelectorAll("a[href], link[href]").Select(e => e.GetAttribute("href")!);
            case "application/atom+xml":
                XNamespace atom = "http://www.w3.org/2005/Atom";
                var feed = XDocument.Parse(body);
                return feed.Descendants(atom + "link").Select(l => l.Attribute("href")!.Value)
                    .Concat(feed.Descendants(atom + "id").Concat(feed.Descendants(atom + "uri")).Select(e => e.Value));
            case "application/xml":
                XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
                return XDocument.Parse(body).Descendants(sitemap + "loc").Select(l => l.Value);
            case "text/plain":
                return body.Split('\n').Where(l => l.StartsWith("Sitemap: ", StringComparison.Ordinal)).Select(l => l["Sitemap: ".Length..].Trim());
            case "application/x-bibtex":
                return BibTexUrl().Matches(body).Select(m => m.Groups[1].Value);
            case "application/x-research-info-systems":
                return body.Split("\r\n").Where(l => l.StartsWith("UR  - ", StringComparison.Ordinal)).Select(l => l[6..]);
            case "application/json":
                return Strings(JsonDocument.Parse(body).RootElement).Where(s => s.StartsWith(Origin.OriginalString, StringComparison.Ordinal));
            case "text/css" or "text/javascript" or "image/svg+xml":
                return [];
            default:
                throw new InvalidOperationException($"{url} answered an unexpected type \"{mediaType}\"");
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    [GeneratedRegex(@"^  url = \{(.+)\}$", RegexOptions.Multiline)]
    private static partial Regex BibTexUrl();
}
