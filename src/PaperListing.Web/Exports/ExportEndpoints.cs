using System.Globalization;
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
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryRead(context.Request.Query["page"], localizer, out var page, out var pageError))
        {
            return EndpointErrors.BadRequest(context, pageError!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ListingPapers.FindAsync(db, slug, cancellationToken) is not { } listing)
        {
            return EndpointErrors.NotFound(context, localizer["There is no listing called \"{0}\".", PaperLabel.Excerpt(slug, 80)]);
        }
        if (page > listing.PageCount)
        {
            return EndpointErrors.NotFound(context, PageNumber.NoSuchListingPage(localizer, listing.PageCount, page),
                localizer["Go to the last page ({0})", listing.PageCount.ToString("N0", CultureInfo.CurrentCulture)], SiteLinks.ListingBibTex(context.Request, listing.Slug, listing.PageCount));
        }
        var papers = await PaperCards.LoadAsync(db, await ListingPapers.PageAsync(db, listing.Id, page, cancellationToken), cancellationToken);
        var text = BibTexWriter.Write(papers.Select(p => (p, PaperUrl(context.Request, p))));
        return Results.File(Encoding.UTF8.GetBytes(text), BibTexType, $"{listing.Slug}-page-{page}.bib");
    }

    private static string PaperUrl(HttpRequest request, PaperCard paper) =>
        SiteLinks.Absolute(request, SiteLinks.Paper(request, paper.PublicId, paper.Slug));
}
