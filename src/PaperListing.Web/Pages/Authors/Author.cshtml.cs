using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Data;
using PaperListing.Web.Pages.Shared;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Pages.Authors;

/// <summary>An author's papers, 20 a page, newest first, at /authors/{slug}.</summary>
public sealed class AuthorModel(IDbContextFactory<PapersDbContext> dbFactory, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record AuthorSummary(int Id, string Name, string Slug);

    public AuthorSummary Author { get; private set; } = null!;
    public int Total { get; private set; }
    public PaperListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        // A blank route value binds as null; it is an address like any unknown one (404), never a crash.
        slug ??= RouteData.Values["slug"] as string ?? "";
        // A bad page number is refused once the list is known, naming its real pages.
        var pageIsNumber = PageNumber.TryRead(Request.Query["page"], localizer, out var page, out _);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the page's reads.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var author = await db.Authors.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new AuthorSummary(a.Id, a.Name, a.Slug))
            .FirstOrDefaultAsync(cancellationToken);
        if (author is null)
        {
            return this.NotFoundPage(localizer["There is no author with the address \"{0}\".", PaperLabel.Excerpt(slug, 80)],
                localizer["Go to the listing"], SiteLinks.Listing(Request, null));
        }
        var list = await PaperLists.ByAuthorAsync(db, author.Id, page, cancellationToken);
        string Href(int n) => SiteLinks.Author(Request, author.Slug, n);
        if (!pageIsNumber)
        {
            return this.BadPageRefusal(localizer, list, Href);
        }
        if (this.PastTheEnd(localizer, list, page, Href) is { } pastTheEnd)
        {
            return pastTheEnd;
        }
        Author = author;
        Total = list.Total;
        List = await OwnedListPages.CardsAsync(db, list, page, Href, ViewData, cancellationToken) with { CurrentAuthorSlug = author.Slug };
        PageMetadata.Set(ViewData, new PageMetadata(
            page > 1 ? localizer["{0} (page {1})", author.Name, page] : author.Name,
            localizer["Papers by {0} ({1}), newest first, with abstracts, co-authors, subjects and dates.", author.Name, list.Total.ToString("N0", CultureInfo.CurrentCulture)],
            SiteLinks.Absolute(Request, Href(page)), "profile"));
        return Page();
    }
}
