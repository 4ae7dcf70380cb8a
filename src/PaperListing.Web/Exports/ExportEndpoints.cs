using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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
        app.MapRead("/papers/{id}.bib", (string id, HttpContext context, IDbContextFactory<PapersDbContext> dbFactory, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
            PaperAsync(id, context, dbFactory, localizer, (paper, url) => (BibTexWriter.Entry(paper, url), BibTexType, ".bib"), cancellationToken));
        app.MapRead("/papers/{id}.ris", (string id, HttpContext context, IDbContextFactory<PapersDbContext> dbFactory, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
            PaperAsync(id, context, dbFactory, localizer, (paper, url) => (RisWriter.Write(paper, url), RisType, ".ris"), cancellationToken));
        app.MapRead("/related/{slug}.bib", ListingPageAsync);
        return app;
    }

    private static async Task<IResult> PaperAsync(string id, HttpContext context, IDbContextFactory<PapersDbContext> dbFactory, IStringLocalizer localizer,
        Func<PaperCard, string, (string Text, string ContentType, string Extension)> write, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await PaperCards.FindAsync(db, id.ToLowerInvariant(), cancellationToken) is not { } paper)
        {
            return EndpointErrors.NotFound(context, localizer["There is no paper with the id \"{0}\".", PaperLabel.Excerpt(id, 40)]);
        }
        var (text, contentType, extension) = write(paper, PaperUrl(context.Request, paper));
        return Results.File(Encoding.UTF8.GetBytes(text), contentType, CitationKey.For(paper) + extension);
    }

    private static async Task<IResult> ListingPageAsync(string slug, HttpContext context, IDbContextFactory<PapersDbContext> dbFactory,
        ListingReader reader, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryRead(context.Request.Query["page"], localizer, out var page, out var pageError))
        {
            return EndpointErrors.BadRequest(context, pageError!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        switch (await reader.ReadAsync(db, slug, page, cancellationToken))
        {
            case ListPage<ListingPage>.Found found:
                var text = BibTexWriter.Write(found.Content.Papers.Select(p => (p, PaperUrl(context.Request, p))));
                return Results.File(Encoding.UTF8.GetBytes(text), BibTexType, $"{found.Content.Listing.Slug}-page-{page}.bib");
            case ListPage<ListingPage>.PastEnd pastEnd:
                return EndpointErrors.NotFound(context, pastEnd.Refusal(ListWording.Listing, localizer, n => SiteLinks.ListingBibTex(context.Request, slug, n)));
            default:
                return EndpointErrors.NotFound(context, localizer["There is no listing called \"{0}\".", PaperLabel.Excerpt(slug, 80)]);
        }
    }

    private static string PaperUrl(HttpRequest request, PaperCard paper) =>
        SiteLinks.Absolute(request, SiteLinks.Paper(request, paper.PublicId, paper.Slug));
}
