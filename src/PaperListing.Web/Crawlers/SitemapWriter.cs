using System.Xml;

namespace PaperListing.Web.Crawlers;

/// <summary>Writes a sitemap (sitemaps.org 0.9) of absolute URLs to a stream as they come, so a large site costs no memory.</summary>
public static class SitemapWriter
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string ContentType = "application/xml; charset=utf-8";

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<string> urls, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false), Indent = true };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", Namespace);
        await foreach (var url in urls.WithCancellation(cancellationToken))
        {
            await xml.WriteStartElementAsync(null, "url", Namespace);
            await xml.WriteElementStringAsync(null, "loc", Namespace, url);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    /// <summary>
    /// robots.txt: everything may be crawled but the API and the error pages, a page a second by the crawlers that
    /// read Crawl-delay (the others are held by the rate limits and kept out of the page cache: SweepAdmission); the
    /// sitemap is named.
    /// </summary>
    public static string Robots(string sitemapUrl) =>
        $"User-agent: *\nDisallow: /api/\nDisallow: /error/\nCrawl-delay: 1\n\nSitemap: {sitemapUrl}\n";
}
