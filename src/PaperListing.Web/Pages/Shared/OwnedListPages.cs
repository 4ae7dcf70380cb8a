using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Pages.Shared;

/// <summary>
/// The steps an author's, a subject's and a field's page share: the page number from the address (400 when it is
/// not one), a page past the list's last (404 linking the last), and the cards with their pager.
/// </summary>
public static class OwnedListPages
{
    /// <summary>Reads ?page=; false with the friendly 400 page in <paramref name="refusal"/> when it is not a page number.</summary>
    public static bool TryReadPage(this PageModel model, IStringLocalizer localizer, out int page, out IActionResult? refusal)
    {
        if (PageNumber.TryRead(model.Request.Query["page"], localizer, out page, out var error))
        {
            refusal = null;
            return true;
        }
        refusal = model.BadRequestPage(error!);
        return false;
    }

    /// <summary>The friendly 404 for a page past the list's last, linking the last page; null when the page exists.</summary>
    public static IActionResult? PastTheEnd(this PageModel model, IStringLocalizer localizer, PaperListPage list, int page, Func<int, string> href) =>
        page <= list.PageCount ? null : model.NotFoundPage(
            localizer["This list has {0} pages; there is no page {1}.", list.PageCount.ToString("N0"), page.ToString("N0")],
            localizer["Go to the last page ({0})", list.PageCount.ToString("N0")], href(list.PageCount));

    /// <summary>The page's cards, numbered from the page's first position, with the pager the layout links as prev/next.</summary>
    public static async Task<PaperListView> CardsAsync(PapersDbContext db, PaperListPage list, int page, Func<int, string> href,
        ViewDataDictionary viewData, CancellationToken cancellationToken)
    {
        var pager = new Pager(page, list.PageCount, href);
        viewData["Pager"] = pager;
        return new PaperListView(await PaperCards.LoadAsync(db, list.Rows, cancellationToken), (page - 1) * PageNumber.PageSize, pager) { Total = list.Total };
    }
}
