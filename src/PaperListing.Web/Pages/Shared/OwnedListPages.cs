using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Paging;

namespace PaperListing.Web.Pages.Shared;

/// <summary>
/// The refusals an author's, a category's and a field's page share, from their reader's answer: a slug naming
/// nothing (404), a <c>page</c> that is not a page number (400, naming the list's pages and linking its first), a
/// page past the list's last (404 linking the last).
/// </summary>
public static class OwnedListPages
{
    /// <summary>The refusal of an answer that is not a page to show: not found, past the end, or found at page 1 for a <c>page</c> that is not a number.</summary>
    public static IActionResult Refusal<T>(this PageModel model, IStringLocalizer localizer, ListPage<T> answer, string notFound, Func<int, string> href) => answer switch
    {
        ListPage<T>.Found found => model.BadRequestPage(PageNumber.Refusal(model.Request.Query["page"], localizer, found.PageCount)!,
            localizer["Go to the first page"], href(1)),
        ListPage<T>.PastEnd pastEnd => model.NotFoundPage(pastEnd.Refusal(ListWording.List, localizer, href)),
        _ => model.NotFoundPage(notFound, localizer["Go to the listing"], SiteLinks.Listing(model.Request, null)),
    };
}
