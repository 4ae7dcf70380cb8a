using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Pages.Shared;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Pages.Authors;

/// <summary>An author's papers, 20 a page, newest first, at /authors/{slug}.</summary>
public sealed class AuthorModel(IDbContextFactory<PapersDbContext> dbFactory) : PageModel
{
    public sealed record AuthorSummary(int Id, string Name, string Slug);

    public AuthorSummary Author { get; private set; } = null!;
    public int Total { get; private set; }
    public PaperListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryRead(Request.Query["page"], out var page, out var pageError))
        {
            return this.BadRequestPage(pageError!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var author = await db.Authors.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new AuthorSummary(a.Id, a.Name, a.Slug))
            .FirstOrDefaultAsync(cancellationToken);
        if (author is null)
        {
            return this.NotFoundPage($"There is no author with the address \"{PaperLabel.Excerpt(slug, 80)}\".", "Go to the listing", SiteLinks.Listing(Request, null));
        }
        var list = await PaperLists.ByAuthorAsync(db, author.Id, page, cancellationToken);
        string Href(int n) => SiteLinks.Author(Request, author.Slug, n);
        if (page > list.PageCount)
        {
            return this.NotFoundPage($"{author.Name} has {list.PageCount:N0} pages of papers; there is no page {page:N0}.", $"Go to the last page ({list.PageCount:N0})", Href(list.PageCount));
        }
        Author = author;
        Total = list.Total;
        var pager = new Pager(page, list.PageCount, Href);
        List = new PaperListView(await PaperCards.LoadAsync(db, list.Rows, cancellationToken), (page - 1) * PageNumber.PageSize, pager);
        ViewData["Pager"] = pager;
        var papers = $"{list.Total:N0} {(list.Total == 1 ? "paper" : "papers")}";
        PageMetadata.Set(ViewData, new PageMetadata(
            page > 1 ? $"{author.Name} (page {page})" : author.Name,
            $"{papers} by {author.Name}, newest first, with abstracts, co-authors, subjects and dates.",
            SiteLinks.Absolute(Request, Href(page)), "profile"));
        return Page();
    }
}
