using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Data;
using PaperListing.Web.Lists;
using PaperListing.Web.Pages.Shared;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Pages.Lists;

/// <summary>
/// A reading list, /list?p={id}&amp;p={id}…&amp;title=…&amp;note=…: the papers of the address in its order, numbered,
/// those the site no longer has said so in their place; its files, its link to copy, and a form for its title and note.
/// Lists are private arrangements, so the page asks search engines not to index it.
/// </summary>
public sealed class ListModel(IDbContextFactory<PapersDbContext> dbFactory, SmallTables tables, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>A run of the list: papers the site has, shown as cards, or one it no longer has.</summary>
    public sealed record Part(PaperListView? Cards, ReadingListEntry? Missing);

    public ReadingListAddress List { get; private set; } = ReadingListAddress.Empty;
    public IReadOnlyList<ReadingListEntry> Entries { get; private set; } = [];
    public string AbsoluteUrl { get; private set; } = "";

    public string CountText => CountOf(Entries.Count);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReadingListReader.TryRead(Request.QueryString, localizer, out var list, out var refusal))
        {
            return this.BadRequestPage(refusal!.Message, refusal.RepairText, refusal.Repaired is null ? null : SiteLinks.ReadingList(Request, refusal.Repaired));
        }
        List = list;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the page's reads.
        await db.Database.OpenConnectionAsync(cancellationToken);
        Entries = await ReadingLists.LoadAsync(db, (await tables.GetAsync(db, cancellationToken)).Subjects, list.Ids, cancellationToken);
        AbsoluteUrl = SiteLinks.Absolute(Request, SiteLinks.ReadingList(Request, list));
        var title = list.Title is null ? localizer["Reading list: {0}", CountText] : localizer["Reading list: {0} — {1}", CountText, list.Title];
        var description = list.Note ?? (Entries.Count == 0
            ? localizer["An empty reading list."]
            // The first papers fill the ~200 characters of a description; the rest would be cut.
            : string.Join("; ", Entries.Take(4).Select(e => e.Paper?.Label.Quoted ?? e.Id)));
        PageMetadata.Set(ViewData, new PageMetadata(title, PageMetadata.Describe(description), AbsoluteUrl) { NoIndex = true });
        return Page();
    }

    public string CountOf(int count) => count == 1 ? localizer["1 paper"] : localizer["{0} papers", count.ToString("N0", CultureInfo.CurrentCulture)];

    /// <summary>The list in runs: consecutive papers the site has are written as cards at once, numbered from their place.</summary>
    public IEnumerable<Part> Parts()
    {
        var run = new List<PaperCard>();
        var first = 0;
        foreach (var entry in Entries)
        {
            if (entry.Paper is { } paper)
            {
                first = run.Count == 0 ? entry.Position - 1 : first;
                run.Add(paper);
                continue;
            }
            if (run.Count > 0)
            {
                yield return new Part(Cards(run, first), null);
                run = [];
            }
            yield return new Part(null, entry);
        }
        if (run.Count > 0)
        {
            yield return new Part(Cards(run, first), null);
        }
    }

    private PaperListView Cards(List<PaperCard> papers, int first) =>
        new(papers, first, new Pager(1, 1, _ => AbsoluteUrl)) { Pickable = false };
}
