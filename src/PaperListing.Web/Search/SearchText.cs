using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PaperListing.Web.Search;

/// <summary>How a search says what it found, in the visitor's language: the one sentence the results and the page description share.</summary>
public static class SearchText
{
    public static string Count(IStringLocalizer localizer, SearchQuery query, int total)
    {
        var count = total.ToString("N0", CultureInfo.CurrentCulture);
        if (!query.HasWords)
        {
            return total == 1 ? localizer["1 paper"] : localizer["{0} papers", count];
        }
        return total switch
        {
            0 => localizer["No results for \"{0}\"", query.Q],
            1 => localizer["1 result for \"{0}\"", query.Q],
            _ => localizer["{0} results for \"{1}\"", count, query.Q],
        };
    }
}
