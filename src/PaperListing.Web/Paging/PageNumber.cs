using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace PaperListing.Web.Paging;

/// <summary>Reads the <c>page</c> query parameter: absent means 1; anything but one whole number from 1 up is refused.</summary>
public static class PageNumber
{
    public const int PageSize = 20;

    /// <summary>The largest page any listing can have (positions are 32-bit).</summary>
    public const int MaxPage = int.MaxValue / PageSize;

    public static bool TryRead(StringValues values, IStringLocalizer localizer, out int page, out string? error)
    {
        page = 1;
        error = null;
        if (values.Count == 0)
        {
            return true;
        }
        if (values.Count > 1)
        {
            error = localizer["The page parameter is given more than once."];
            return false;
        }
        var text = values[0] ?? "";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > MaxPage)
        {
            page = 1;
            error = text.Length is > 0 and < 40
                ? localizer["\"{0}\" is not a page number: pages are whole numbers from 1 to {1}.", text, MaxPage.ToString("N0")]
                : localizer["The page parameter is not a page number: pages are whole numbers from 1 to {0}.", MaxPage.ToString("N0")];
            return false;
        }
        return true;
    }

    /// <summary>How many pages <paramref name="count"/> items fill (at least one, so an empty listing has a page 1).</summary>
    public static int PageCount(int count) => Math.Max(1, (count + PageSize - 1) / PageSize);
}
