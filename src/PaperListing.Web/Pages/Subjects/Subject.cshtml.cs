using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Data;
using PaperListing.Web.Pages.Shared;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Pages.Subjects;

/// <summary>
/// A category's papers ("Machine Learning" in Computer Science) or a field's (Computer Science, all its categories),
/// 20 a page, newest first, at /subjects/{slug}: categories and fields share that namespace, so a slug is one or the other.
/// </summary>
public sealed class SubjectModel(IDbContextFactory<PapersDbContext> dbFactory, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public SubjectSummary Subject { get; private set; } = null!;
    public bool IsField => Subject.Field is null;
    /// <summary>A field's categories, or a category's namesakes in other fields.</summary>
    public IReadOnlyList<SubjectLink> Related { get; private set; } = [];
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
        var answer = await SubjectReader.ReadAsync(db, slug, page, cancellationToken);
        string Href(int n) => SiteLinks.Subject(Request, slug, n);
        if (answer is not ListPage<SubjectPage>.Found found || !pageIsNumber)
        {
            return this.Refusal(localizer, answer, localizer["There is no subject with the address \"{0}\".", PaperLabel.Excerpt(slug, 80)], Href);
        }
        var subject = found.Content.Subject;
        Subject = subject;
        Total = found.Total;
        var related = subject.Field is null
            ? db.Subjects.Where(s => s.FieldId == subject.Id)
            : db.Subjects.Where(s => s.Name == subject.Name && s.Id != subject.Id);
        Related = await related.AsNoTracking()
            .OrderBy(s => s.Name).ThenBy(s => s.Field.Name)
            .Select(s => new SubjectLink(s.Name, s.Slug, s.Field.Name, s.Field.Slug))
            .ToListAsync(cancellationToken);
        List = PaperListView.Of(found, found.Content.Papers, Href) with { CurrentSubjectSlug = subject.Slug };
        ViewData[Pager.ViewDataKey] = List.Pager;
        PageMetadata.Set(ViewData, new PageMetadata(
            page > 1 ? localizer["{0} (page {1})", Heading, page] : Heading,
            localizer["Papers in {0} ({1}), newest first, with abstracts, authors and dates.", Heading, found.Total.ToString("N0", CultureInfo.CurrentCulture)],
            SiteLinks.Absolute(Request, Href(page))));
        return Page();
    }

    /// <summary>"Machine Learning · Computer Science" for a category, as the cards show it; the name for a field.</summary>
    public string Heading => Subject.Field is { Name.Length: > 0 } parent ? $"{Subject.Name} · {parent.Name}" : NameOrUnfiled(Subject.Name);

    private string NameOrUnfiled(string name) => name.Length > 0 ? name : localizer["Subjects without a field"];
}
