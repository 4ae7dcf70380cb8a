using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Content;

namespace PaperListing.Web.Pages.About;

/// <summary>The About page, written by whoever deploys the site in about.md beside the seeds.</summary>
public sealed class AboutModel(SiteContent content, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string Html { get; private set; } = "";

    public IActionResult OnGet()
    {
        if (content.About() is not { } html)
        {
            return this.NotFoundPage(localizer["This site has no About page yet: add an about.md file beside the seeds."]);
        }
        Html = html;
        PageMetadata.Set(ViewData, new PageMetadata(localizer["About"], localizer["About this site and its reading lists."],
            SiteLinks.Absolute(Request, SiteLinks.About(Request))));
        return Page();
    }
}
