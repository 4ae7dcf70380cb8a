using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PaperListing.Web;

/// <summary>Refusals that the status-code pages turn into friendly pages saying what was wrong.</summary>
public static class PageModelErrors
{
    public static IActionResult BadRequestPage(this PageModel page, string message, string? linkText = null, string? linkHref = null)
    {
        page.HttpContext.Items[ErrorPageInfo.Key] = new ErrorPageInfo(message, linkText, linkHref);
        return page.BadRequest();
    }

    public static IActionResult NotFoundPage(this PageModel page, string message, string? linkText = null, string? linkHref = null)
    {
        page.HttpContext.Items[ErrorPageInfo.Key] = new ErrorPageInfo(message, linkText, linkHref);
        return page.NotFound();
    }

    /// <summary>The 404 for a page past a list's last, linking the last page.</summary>
    public static IActionResult NotFoundPage(this PageModel page, Paging.PastEndRefusal refusal) =>
        page.NotFoundPage(refusal.Message, refusal.LinkText, refusal.LinkHref);
}
