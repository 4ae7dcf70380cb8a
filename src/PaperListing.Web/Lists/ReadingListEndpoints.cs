using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Api;
using PaperListing.Web.Data;
using PaperListing.Web.Exports;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Lists;

/// <summary>
/// A reading list as files and data: /list.bib and /list.ris hold each paper's own entry (the very text of
/// /papers/{id}.bib and .ris, in the list's order; papers the site no longer has are left out), /api/list the list as
/// JSON. Refusals are those of the list page: a friendly page for the files, problem details for the API.
/// </summary>
public static class ReadingListEndpoints
{
    public static IEndpointRouteBuilder MapReadingLists(this IEndpointRouteBuilder app)
    {
        app.MapRead("/list.bib", (HttpContext context, IDbContextFactory<PapersDbContext> dbFactory, SmallTables tables, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
            FileAsync(context, dbFactory, tables, localizer, papers => BibTexWriter.Write(papers), ExportEndpoints.BibTexType, ".bib", cancellationToken));
        app.MapRead("/list.ris", (HttpContext context, IDbContextFactory<PapersDbContext> dbFactory, SmallTables tables, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
            FileAsync(context, dbFactory, tables, localizer, papers => string.Concat(papers.Select(p => RisWriter.Write(p.Paper, p.Url))), ExportEndpoints.RisType, ".ris", cancellationToken));
        app.MapGroup(ApiProblems.Prefix).WithCommonProblems().MapRead("/list", ApiAsync)
            .WithSummary("A reading list: the papers its address names, in that order, with its title and note")
            .WithQueryParameter("p", $"A paper id, once per paper, in the list's order (at most {ReadingListAddress.MaxPapers}; a repeated id is kept once; a malformed one: 400).", repeated: true)
            .WithQueryParameter("title", $"The list's title, plain text (at most {ReadingListAddress.MaxTitleLength} characters; longer or given twice: 400).")
            .WithQueryParameter("note", $"A note about the list, plain text (at most {ReadingListAddress.MaxNoteLength} characters; longer or given twice: 400).")
            .Produces<ApiReadingList>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> FileAsync(HttpContext context, IDbContextFactory<PapersDbContext> dbFactory, SmallTables tables, IStringLocalizer localizer,
        Func<IEnumerable<(PaperCard Paper, string Url)>, string> write, string contentType, string extension, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!ReadingListReader.TryRead(request.QueryString, localizer, out var list, out var refusal))
        {
            // The repair opens the list page ("Show the list without it"), from where its files are one click away.
            return EndpointErrors.BadRequest(context, refusal!.Message, refusal.RepairText,
                refusal.Repaired is null ? null : SiteLinks.ReadingList(request, refusal.Repaired));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await ReadingLists.LoadAsync(db, (await tables.GetAsync(db, cancellationToken)).Subjects, list.Ids, cancellationToken);
        var text = write(ReadingLists.Papers(entries).Select(p => (p, SiteLinks.Absolute(request, SiteLinks.Paper(request, p.PublicId, p.Slug)))));
        return Results.File(Encoding.UTF8.GetBytes(text), contentType, FileName(list) + extension);
    }

    private static async Task<IResult> ApiAsync(HttpRequest request, IDbContextFactory<PapersDbContext> dbFactory, SmallTables tables, IStringLocalizer<SharedResource> localizer,
        CancellationToken cancellationToken)
    {
        if (!ReadingListReader.TryRead(request.QueryString, localizer, out var list, out var refusal))
        {
            return ApiProblems.BadRequest(refusal!.Message);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await ReadingLists.LoadAsync(db, (await tables.GetAsync(db, cancellationToken)).Subjects, list.Ids, cancellationToken);
        string Absolute(string href) => SiteLinks.Absolute(request, href);
        return TypedResults.Ok(new ApiReadingList(list.Title, list.Note, entries.Count,
            entries.Select(e => new ApiReadingListEntry(e.Position, e.Id, e.Paper is null ? null : ApiMapping.Paper(request, e.Paper))).ToList(),
            new ApiReadingListLinks(
                Absolute(SiteLinks.ApiReadingList(request, list)),
                Absolute(SiteLinks.ReadingList(request, list)),
                Absolute(SiteLinks.ReadingListBibTex(request, list)),
                Absolute(SiteLinks.ReadingListRis(request, list)))));
    }

    /// <summary>"thursday-reading-group" from the list's title, else "reading-list".</summary>
    private static string FileName(ReadingListAddress list)
    {
        var slug = list.Title is null ? "" : Slug.From(list.Title);
        return slug.Length > 0 ? slug : "reading-list";
    }
}
