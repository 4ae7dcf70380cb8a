using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace PaperListing.Web.Paging;

/// <summary>Reads the <c>page</c> query parameter: absent means 1; anything but one whole number from 1 up is refused.</summary>
public static class PageNumber
{
    /// <summary>The largest page any listing can have (positions are 32-bit).</summary>
    public const int MaxPage = int.MaxValue / PageRange.Size;

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
                ? localizer["\"{0}\" is not a page number: pages are numbered 1, 2, 3 and so on.", text]
                : localizer["The page parameter is not a page number: pages are numbered 1, 2, 3 and so on."];
            return false;
        }
        return true;
    }

    /// <summary>
    /// The refusal of a bad <c>page</c> where the list is known: it names the list's real pages (never the internal
    /// limit). Null when the parameter is a page number after all.
    /// </summary>
    public static string? Refusal(StringValues values, IStringLocalizer localizer, int pageCount)
    {
        if (TryRead(values, localizer, out _, out var error) || values.Count > 1)
        {
            return error;
        }
        var text = values[0] ?? "";
        var quoted = text.Length is > 0 and < 40 ? localizer["\"{0}\" is not a page number.", text] : localizer["The page parameter is not a page number."];
        var range = pageCount == 1 ? localizer["This list has one page: page 1."] : localizer["This list has pages 1 to {0}.", pageCount.ToString("N0", CultureInfo.CurrentCulture)];
        return $"{quoted} {range}";
    }
}
