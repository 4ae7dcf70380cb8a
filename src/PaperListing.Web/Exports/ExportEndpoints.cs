using System.Text;
using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Exports;

/// <summary>Citation downloads: a paper as BibTeX or RIS, and a listing page's papers as one BibTeX file.</summary>
public static class ExportEndpoints
{
    public const string BibTexType = "application/x-bibtex; charset=utf-8";
    public const string RisType = "application/x-research-info-systems; charset=utf-8";

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/papers/{id}.bib", (string id, HttpContext context, IDbContextFactory<PapersDbContext> dbFactory, CancellationToken cancellationToken) =>
            PaperAsync(id, context, dbFactory, (paper, url) => (BibTexWriter.Entry(paper, url), BibTexType, ".bib"), cancellationToken));
        app.MapGet("/papers/{id}.ris", (string id, HttpContext context, IDbContextFactory<PapersDbContext> dbFactory, CancellationToken cancellationToken) =>
            PaperAsync(id, context, dbFactory, (paper, url) => (RisWriter.Write(paper, url), RisType, ".ris"), cancellationToken));
        app.MapGet("/related/{slug}.bib", ListingPageAsync);
        return app;
    }

    private static async Task<IResult> PaperAsync(string id, HttpContext context, IDbContextFactory<PapersDbContext> dbFactory,
        Func<PaperCard, string, (string Text, string ContentType, string Extension)> write, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await PaperCards.FindAsync(db, id.ToLowerInvariant(), cancellationToken) is not { } paper)
        {
            return EndpointErrors.NotFound(context, $"There is no paper with the id \"{PaperLabel.Excerpt(id, 40)}\".");
        }
        var (text, contentType, extension) = write(paper, PaperUrl(context.Request, paper));
        return Results.File(Encoding.UTF8.GetBytes(text), contentType, CitationKey.For(paper) + extension);
    }

    private static async Task<IResult> ListingPageAsync(string slug, HttpContext context, IDbContextFactory<PapersDbContext> dbFactory, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryRead(context.Request.Query["page"], out var page, out var pageError))
        {
            return EndpointErrors.BadRequest(context, pageError!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ListingPapers.FindAsync(db, slug, cancellationToken) is not { } listing)
        {
            return EndpointErrors.NotFound(context, $"There is no listing called \"{PaperLabel.Excerpt(slug, 80)}\".");
        }
        if (page > listing.PageCount)
        {
            return EndpointErrors.NotFound(context, $"This listing has {listing.PageCount:N0} pages; there is no page {page:N0}.",
                $"Get the last page ({listing.PageCount:N0})", SiteLinks.ListingBibTex(context.Request, listing.Slug, listing.PageCount));
        }
        var papers = await PaperCards.LoadAsync(db, await ListingPapers.PageAsync(db, listing.Id, page, cancellationToken), cancellationToken);
        var text = BibTexWriter.Write(papers.Select(p => (p, PaperUrl(context.Request, p))));
        return Results.File(Encoding.UTF8.GetBytes(text), BibTexType, $"{listing.Slug}-page-{page}.bib");
    }

    private static string PaperUrl(HttpRequest request, PaperCard paper) =>
        SiteLinks.Absolute(request, SiteLinks.Paper(request, paper.PublicId, paper.Slug));
}
