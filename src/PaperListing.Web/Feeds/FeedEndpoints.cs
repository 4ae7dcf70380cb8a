using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Data;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Feeds;

/// <summary>/related/{slug}/feed.atom: a listing's newest dated papers, for feed readers.</summary>
public static class FeedEndpoints
{
    public const int MaxEntries = 50;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapRead("/related/{slug}/feed.atom", ListingFeedAsync);
        return app;
    }

    private static async Task<IResult> ListingFeedAsync(string slug, HttpContext context, IDbContextFactory<PapersDbContext> dbFactory,
        ListingReader reader, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var request = context.Request;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await reader.FindAsync(db, slug, cancellationToken) is not { } listing)
        {
            return EndpointErrors.NotFound(context, localizer["There is no listing called \"{0}\".", PaperLabel.Excerpt(slug, 80)]);
        }
        var papers = await PaperCards.LoadAsync(db, await ListingPapers.NewestDatedAsync(db, listing.Id, MaxEntries, cancellationToken), cancellationToken);
        var entries = papers.Select(p => new AtomEntry(
                Id: SiteLinks.Absolute(request, SiteLinks.Paper(request, p.PublicId, p.Slug)),
                Title: p.Label.Quoted,
                Url: SiteLinks.Absolute(request, SiteLinks.Paper(request, p.PublicId, p.Slug)),
                Published: Midnight(p.Published!.Value),
                Authors: p.Authors.Select(a => new AtomPerson(a.Name, SiteLinks.Absolute(request, SiteLinks.Author(request, a.Slug)))).ToList(),
                Summary: p.Abstract,
                Categories: p.Subjects.Select(s => s.Keyword).ToList()))
            .ToList();
        var feed = new AtomFeed(
            Id: SiteLinks.Absolute(request, SiteLinks.Listing(request, listing.Slug)),
            Title: $"Related papers: {listing.Title}",
            SelfUrl: SiteLinks.Absolute(request, SiteLinks.ListingFeed(request, listing.Slug)),
            AlternateUrl: SiteLinks.Absolute(request, SiteLinks.Listing(request, listing.Slug)),
            // A feed is as new as its newest paper; an empty one has no date to give, so it says the epoch.
            Updated: entries.Count > 0 ? entries[0].Published : DateTimeOffset.UnixEpoch,
            Author: new AtomPerson(PageMetadata.SiteName, SiteLinks.Absolute(request, SiteLinks.Listing(request, null))),
            Entries: entries);
        return Results.Text(AtomFeedWriter.Write(feed), AtomFeedWriter.ContentType);
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
