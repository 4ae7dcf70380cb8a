using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PaperListing.Web.Paging;

/// <summary>How the refusal of a page past the last names the list: a listing, another list of papers, search results.</summary>
public enum ListWording
{
    Listing,
    List,
    Results,
}

/// <summary>
/// The 404 for a page past a list's last: how many pages the list has, and a link to its last page. Written only
/// here; pages and downloads show it on the friendly error page, the API as problem details.
/// </summary>
public sealed record PastEndRefusal(string Message, string LinkText, string LinkHref)
{
    public static PastEndRefusal For(int page, int lastPage, ListWording wording, IStringLocalizer localizer, Func<int, string> href)
    {
        var asked = page.ToString("N0", CultureInfo.CurrentCulture);
        var last = lastPage.ToString("N0", CultureInfo.CurrentCulture);
        var message = (wording, lastPage == 1) switch
        {
            (ListWording.Listing, true) => localizer["This listing has one page; there is no page {0}.", asked],
            (ListWording.Listing, false) => localizer["This listing has {0} pages; there is no page {1}.", last, asked],
            (ListWording.List, true) => localizer["This list has one page; there is no page {0}.", asked],
            (ListWording.List, false) => localizer["This list has {0} pages; there is no page {1}.", last, asked],
            (_, true) => localizer["These results fill one page; there is no page {0}.", asked],
            (_, false) => localizer["These results have {0} pages; there is no page {1}.", last, asked],
        };
        return new PastEndRefusal(message, localizer["Go to the last page ({0})", last], href(lastPage));
    }
}
