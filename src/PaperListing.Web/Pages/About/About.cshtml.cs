using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Content;
using PaperListing.Web.Data;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Pages.About;

/// <summary>
/// The About page: whoever deploys the site writes it in about.md beside the seeds. Without one, a short neutral
/// page about the site (its listings, feeds and exports); the hint to write one goes to the operator's log.
/// </summary>
public sealed class AboutModel(SiteContent content, IDbContextFactory<PapersDbContext> dbFactory, SmallTables smallTables,
    IStringLocalizer<SharedResource> localizer, ILogger<AboutModel> logger) : PageModel
{
    public string? Html { get; private set; }
    public IReadOnlyList<ListingPapers.ListingSummary> Listings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Html = content.About();
        if (Html is null)
        {
            if (content.FirstTimeWithoutAbout())
            {
                logger.NoAboutFile();
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            Listings = (await smallTables.GetAsync(db, cancellationToken)).Listings;
        }
        PageMetadata.Set(ViewData, new PageMetadata(localizer["About"], localizer["About this site and its reading lists."],
            SiteLinks.Absolute(Request, SiteLinks.About(Request))));
        return Page();
    }
}
