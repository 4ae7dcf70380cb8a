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
        var answer = await AuthorReader.ReadAsync(db, slug, page, cancellationToken);
        string Href(int n) => SiteLinks.Author(Request, slug, n);
        if (answer is not ListPage<AuthorPage>.Found found || !pageIsNumber)
        {
            return this.Refusal(localizer, answer, localizer["There is no author with the address \"{0}\".", PaperLabel.Excerpt(slug, 80)], Href);
        }
        var author = found.Content.Author;
        Author = author;
        Total = found.Total;
        List = PaperListView.Of(found, found.Content.Papers, Href) with { CurrentAuthorSlug = author.Slug };
        ViewData[Pager.ViewDataKey] = List.Pager;
        PageMetadata.Set(ViewData, new PageMetadata(
            page > 1 ? localizer["{0} (page {1})", author.Name, page] : author.Name,
            localizer["Papers by {0} ({1}), newest first, with abstracts, co-authors, subjects and dates.", author.Name, found.Total.ToString("N0", CultureInfo.CurrentCulture)],
            SiteLinks.Absolute(Request, Href(page)), "profile"));
        return Page();
    }
}
