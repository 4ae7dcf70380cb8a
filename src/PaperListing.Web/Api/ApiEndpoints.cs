using System.ComponentModel;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;
using PaperListing.Web.Search;
using static PaperListing.Web.Api.ApiMapping;

namespace PaperListing.Web.Api;

/// <summary>
/// The read-only JSON API: /api/listings, /api/listings/{slug}/papers?page=N, /api/papers/{id}, /api/papers/{id}/similar, /api/suggestions?q=. Paging and refusals
/// follow the pages (a bad page is 400, a missing item 404), answered as problem details.
/// </summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddPaperListingApi(this IServiceCollection services) =>
        services.AddProblemDetails()
            // Names and abstracts are in many scripts: write them as characters, not \u escapes (JSON is never inlined in HTML here).
            .ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    public static IEndpointRouteBuilder MapPaperListingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiProblems.Prefix).WithCommonProblems();
        api.MapRead("/listings", ListingsAsync)
            .WithSummary("Every listing, in the site's order, with its number of papers and links")
            .Produces<ApiListings>();
        api.MapRead("/listings/{slug}/papers", ListingPapersAsync)
            .WithSummary("One page of a listing's papers, in the listing's order")
            .WithPageParameter()
            .Produces<ApiPaperPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapRead("/papers/{id}", PaperAsync)
            .WithSummary("One paper, with where it stands in every listing")
            .Produces<ApiPaper>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapRead("/papers/{id}/similar", SimilarAsync)
            .WithSummary("Up to 10 papers most alike in their text, best first")
            .Produces<ApiSimilarPapers>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapRead("/suggestions", SuggestionsAsync)
            .WithSummary("Up to 8 authors, subjects and words that exist, for what a visitor has typed (q)")
            .Produces<ApiSuggestions>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> ListingsAsync(HttpRequest request, IDbContextFactory<PapersDbContext> dbFactory, ListingReader reader, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var listings = (await reader.AllAsync(db, cancellationToken))
            .Select(l => new ApiListing(l.Slug, l.Title, l.PaperCount, l.DeclaredTotal, l.PageCount, new ApiListingLinks(
                Absolute(request, SiteLinks.Listing(request, l.Slug)),
                Absolute(request, SiteLinks.ApiListingPapers(request, l.Slug)),
                Absolute(request, SiteLinks.ListingFeed(request, l.Slug)))))
            .ToList();
        return TypedResults.Ok(new ApiListings(listings, new ApiSelf(Absolute(request, SiteLinks.ApiListings(request)))));
    }

    private static async Task<IResult> ListingPapersAsync([Description("The listing's address, as in /related/{slug}")] string slug, HttpRequest request, IDbContextFactory<PapersDbContext> dbFactory,
        ListingReader reader, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryRead(request.Query["page"], localizer, out var page, out var pageError))
        {
            return ApiProblems.BadRequest(pageError!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        string Link(int n) => Absolute(request, SiteLinks.ApiListingPapers(request, slug, n));
        return await reader.ReadAsync(db, slug, page, cancellationToken) switch
        {
            ListPage<ListingPage>.Found found => TypedResults.Ok(PaperPage(request, found, Link)),
            ListPage<ListingPage>.PastEnd pastEnd => ApiProblems.NotFound(pastEnd.Refusal(ListWording.Listing, localizer, Link)),
            _ => ApiProblems.NotFound(localizer["There is no listing called \"{0}\".", PaperLabel.Excerpt(slug, 80)]),
        };
    }

    private static ApiPaperPage PaperPage(HttpRequest request, ListPage<ListingPage>.Found found, Func<int, string> link)
    {
        var (listing, page, count) = (found.Content.Listing, found.Range.Page, found.PageCount);
        return new ApiPaperPage(listing.Slug, listing.Title, page, PageRange.Size, count, found.Total,
            found.Content.Papers.Select(p => Paper(request, p)).ToList(),
            new ApiPageLinks(link(page), link(1), page > 1 ? link(page - 1) : null, page < count ? link(page + 1) : null, link(count),
                Absolute(request, SiteLinks.Listing(request, listing.Slug, page)),
                Absolute(request, SiteLinks.ListingBibTex(request, listing.Slug, page))));
    }

    private static async Task<IResult> PaperAsync([Description("The paper's id, as in /papers/{id}")] string id, HttpRequest request, IDbContextFactory<PapersDbContext> dbFactory,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await PaperCards.FindAsync(db, id.ToLowerInvariant(), cancellationToken) is not { } paper)
        {
            return ApiProblems.NotFound(localizer["There is no paper with the id \"{0}\".", PaperLabel.Excerpt(id, 40)]);
        }
        var places = await ListingPapers.PlacesAsync(db, paper.Id, cancellationToken);
        return TypedResults.Ok(Paper(request, paper) with
        {
            Listings = places.Select(p => new ApiPlace(p.Slug, p.Title, p.Position + 1, PageRange.PageOf(p.Position),
                Absolute(request, SiteLinks.ListingEntry(request, p.Slug, p.Position, paper.PublicId)))).ToList(),
        });
    }

    private static async Task<IResult> SimilarAsync(string id, HttpRequest request, IDbContextFactory<PapersDbContext> dbFactory,
        SimilarPapers similar, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await PaperCards.FindAsync(db, id.ToLowerInvariant(), cancellationToken) is not { } paper)
        {
            return ApiProblems.NotFound(localizer["There is no paper with the id \"{0}\".", PaperLabel.Excerpt(id, 40)]);
        }
        var papers = await similar.FindAsync(db, paper, cancellationToken);
        return TypedResults.Ok(new ApiSimilarPapers(paper.PublicId, papers.Select(p => Paper(request, p)).ToList(), new ApiSimilarLinks(
            Absolute(request, SiteLinks.ApiSimilarPapers(request, paper.PublicId)),
            Absolute(request, SiteLinks.ApiPaper(request, paper.PublicId)),
            Absolute(request, SiteLinks.SimilarPapers(request, paper.PublicId, paper.Slug)))));
    }

    private static async Task<IResult> SuggestionsAsync(HttpRequest request, IDbContextFactory<PapersDbContext> dbFactory,
        Search.Index.PaperIndex index, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (request.Query["q"].Count > 1)
        {
            return ApiProblems.BadRequest(localizer["The {0} parameter is given more than once.", "q"]);
        }
        var typed = SearchQueryReader.Words(request.Query["q"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var suggestions = await SearchSuggestions.ForAsync(db, index, typed, cancellationToken);
        return TypedResults.Ok(new ApiSuggestions(typed, suggestions.Select(s => new ApiSuggestion(
            s.Kind.ToString().ToLowerInvariant(),
            s.Text,
            Absolute(request, s.Kind switch
            {
                SuggestionKind.Author => SiteLinks.Author(request, s.Slug!),
                SuggestionKind.Subject => SiteLinks.Subject(request, s.Slug!),
                _ => SiteLinks.SearchResults(request, new SearchQuery(null, s.Text)),
            }))).ToList()));
    }
}
