using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Pages.Shared;

/// <summary>
/// The steps an author's, a subject's and a field's page share: the refusal of a page number that is not one (400,
/// naming the list's pages), a page past the list's last (404 linking the last), and the cards with their pager.
/// </summary>
public static class OwnedListPages
{
    /// <summary>The friendly 400 for a <c>page</c> that is not a page number, naming the list's real pages and linking its first.</summary>
    public static IActionResult BadPageRefusal(this PageModel model, IStringLocalizer localizer, PaperListPage list, Func<int, string> href) =>
        model.BadRequestPage(PageNumber.Refusal(model.Request.Query["page"], localizer, list.PageCount)!, localizer["Go to the first page"], href(1));

    /// <summary>The friendly 404 for a page past the list's last, linking the last page; null when the page exists.</summary>
    public static IActionResult? PastTheEnd(this PageModel model, IStringLocalizer localizer, PaperListPage list, int page, Func<int, string> href) =>
        page <= list.PageCount ? null : model.NotFoundPage(
            list.PageCount == 1
                ? localizer["This list has one page; there is no page {0}.", page.ToString("N0", CultureInfo.CurrentCulture)]
                : localizer["This list has {0} pages; there is no page {1}.", list.PageCount.ToString("N0", CultureInfo.CurrentCulture), page.ToString("N0", CultureInfo.CurrentCulture)],
            localizer["Go to the last page ({0})", list.PageCount.ToString("N0", CultureInfo.CurrentCulture)], href(list.PageCount));

    /// <summary>The page's cards, numbered from the page's first position, with the pager the layout links as prev/next.</summary>
    public static async Task<PaperListView> CardsAsync(PapersDbContext db, PaperListPage list, int page, Func<int, string> href,
        ViewDataDictionary viewData, CancellationToken cancellationToken)
    {
        var pager = new Pager(page, list.PageCount, href);
        viewData[Pager.ViewDataKey] = pager;
        return new PaperListView(await PaperCards.LoadAsync(db, list.Rows, cancellationToken), (page - 1) * PageNumber.PageSize, pager) { Total = list.Total };
    }
}
