using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Data;
using PaperListing.Web.Exports;
using PaperListing.Web.Papers;
using PaperListing.Web.Search;

namespace PaperListing.Web.Pages.Papers;

/// <summary>
/// A paper's permanent page, /papers/{id}/{slug}: the id finds it; a missing or wrong slug (or an upper-case id) is
/// answered with a 301 to the canonical address, so old and hand-typed links keep working.
/// </summary>
public sealed class PaperModel(IDbContextFactory<PapersDbContext> dbFactory, SimilarPapers similarPapers, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int MoreByLimit = 10;

    public PaperCard Paper { get; private set; } = null!;
    public IReadOnlyList<ListingPapers.ListingPlace> Places { get; private set; } = [];
    public IReadOnlyList<PaperCard> MoreByAuthors { get; private set; } = [];
    public IReadOnlyList<PaperCard> Similar { get; private set; } = [];
    public string CanonicalUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? id, string? slug, CancellationToken cancellationToken)
    {
        // A blank route value binds as null; it is an address like any unknown one (404), never a crash.
        id ??= RouteData.Values["id"] as string ?? "";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the page's reads.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var paper = await PaperCards.FindAsync(db, id.ToLowerInvariant(), cancellationToken);
        if (paper is null)
        {
            return this.NotFoundPage(localizer["There is no paper with the id \"{0}\".", PaperLabel.Excerpt(id, 40)],
                localizer["Go to the listing"], SiteLinks.Listing(Request, null));
        }
        var canonical = SiteLinks.Paper(Request, paper.PublicId, paper.Slug);
        if (id != paper.PublicId || slug != paper.Slug)
        {
            return RedirectPermanent(canonical);
        }
        Paper = paper;
        CanonicalUrl = SiteLinks.Absolute(Request, canonical);
        Places = await ListingPapers.PlacesAsync(db, paper.Id, cancellationToken);
        MoreByAuthors = await PaperCards.LoadAsync(db, await PaperLists.BySameAuthorsAsync(db, paper.Id, MoreByLimit, cancellationToken), cancellationToken);
        Similar = await similarPapers.FindAsync(db, paper, cancellationToken);
        PageMetadata.Set(ViewData, Metadata(paper));
        OpenUrlCoins.LeaveOut(HttpContext);
        return Page();
    }

    private PageMetadata Metadata(PaperCard paper)
    {
        var label = paper.Label;
        var byline = paper.Byline(localizer);
        var title = label.IsTitle
            ? (byline.Length > 0 ? $"{label.Text} ({byline})" : label.Text)
            : (byline.Length > 0 ? localizer["Paper by {0}: {1}", byline, label.Quoted] : localizer["Paper: {0}", label.Quoted]);
        return new PageMetadata(title, PageMetadata.Describe(paper.Abstract), CanonicalUrl, "article") { Meta = CitationTags(paper) };
    }

    /// <summary>
    /// Highwire Press tags, read by Google Scholar and by reference managers' browser buttons, and the Dublin Core type
    /// that makes Zotero file the paper as a manuscript, as it does from the .bib and the .ris.
    /// </summary>
    private static List<KeyValuePair<string, string>> CitationTags(PaperCard paper)
    {
        var tags = new List<KeyValuePair<string, string>>
        {
            new("DC.type", "manuscript"),
            new("citation_title", CitationTitle.Of(paper).Text),
        };
        var names = paper.Authors.Select(a => PersonName.Of(a.Name).InvertedSuffixLast).ToList();
        if (names is [var only] && only.Split(", ") is [var family, var given] && family.Contains(' ', StringComparison.Ordinal) && given.Contains(' ', StringComparison.Ordinal))
        {
            // Zotero reads a lone "de la Cruz, José María" as two authors; a closing ';' keeps it one.
            names[0] = only + ";";
        }
        tags.AddRange(names.Select(n => new KeyValuePair<string, string>("citation_author", n)));
        if (paper.Published is { } published)
        {
            tags.Add(new("citation_publication_date", published.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture)));
        }
        tags.Add(new("citation_abstract", paper.Abstract));
        if (paper.Subjects.Count > 0)
        {
            tags.Add(new("citation_keywords", string.Join("; ", paper.Subjects.Select(s => s.Keyword))));
        }
        return tags;
    }
}
