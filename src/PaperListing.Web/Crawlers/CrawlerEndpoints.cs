using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Content;
using PaperListing.Web.Data;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Crawlers;

/// <summary>/sitemap.xml (every page of every listing; every paper, author and subject page) and /robots.txt.</summary>
public static class CrawlerEndpoints
{
    public static IEndpointRouteBuilder MapCrawlerFiles(this IEndpointRouteBuilder app)
    {
        app.MapRead("/robots.txt", (HttpRequest request) =>
            Results.Text(SitemapWriter.Robots(SiteLinks.Absolute(request, SiteLinks.Sitemap(request))), "text/plain; charset=utf-8"));
        app.MapRead("/sitemap.xml", async (HttpContext context, IDbContextFactory<PapersDbContext> dbFactory, ListingReader listings, SiteContent content,
            CancellationToken cancellationToken) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            context.Response.ContentType = SitemapWriter.ContentType;
            await SitemapWriter.WriteAsync(context.Response.Body, Urls(context.Request, db, listings, content.About() is not null, cancellationToken), cancellationToken);
        });
        return app;
    }

    /// <summary>Author and subject pages are listed by their first page; their pagers lead on.</summary>
    private static async IAsyncEnumerable<string> Urls(HttpRequest request, PapersDbContext db, ListingReader listings, bool hasAbout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (hasAbout)
        {
            yield return SiteLinks.Absolute(request, SiteLinks.About(request));
        }
        foreach (var listing in await listings.AllAsync(db, cancellationToken))
        {
            for (var page = 1; page <= listing.PageCount; page++)
            {
                yield return SiteLinks.Absolute(request, SiteLinks.Listing(request, listing.Slug, page));
            }
        }
        var papers = db.Papers.AsNoTracking().OrderBy(p => p.PublicId).Select(p => new { p.PublicId, p.Title, p.Abstract }).AsAsyncEnumerable();
        await foreach (var paper in papers.WithCancellation(cancellationToken))
        {
            yield return SiteLinks.Absolute(request, SiteLinks.Paper(request, paper.PublicId, PaperSlug.For(paper.Title, paper.Abstract)));
        }
        await foreach (var slug in db.Authors.AsNoTracking().OrderBy(a => a.Slug).Select(a => a.Slug).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return SiteLinks.Absolute(request, SiteLinks.Author(request, slug));
        }
        var subjects = db.Fields.AsNoTracking().Select(f => f.Slug).Concat(db.Subjects.AsNoTracking().Select(s => s.Slug)).OrderBy(s => s);
        await foreach (var slug in subjects.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return SiteLinks.Absolute(request, SiteLinks.Subject(request, slug));
        }
    }
}
