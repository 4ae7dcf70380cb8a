using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;
using PaperListing.Web.Papers;
using PaperListing.Web.Paging;

namespace PaperListing.Web.Search;

/// <summary>
/// Reads a <see cref="SearchQuery"/> from the address. Words are taken as they come (cut at 200 characters); a
/// malformed year, a reversed range, an order that means nothing here or a repeated parameter is refused with a
/// message naming the parameter. Whether a subject or author exists is the database's to say (<see cref="SearchFilters"/>).
/// </summary>
public static class SearchQueryReader
{
    public const int MinYear = 1000;
    public const int MaxYear = 9999;

    public static bool TryRead(IQueryCollection query, string? listingSlug, IStringLocalizer localizer, out SearchQuery result, out string? error)
    {
        result = new SearchQuery(listingSlug);
        error = null;
        foreach (var name in new[] { "q", "subject", "author", "from", "to", "sort" })
        {
            if (query[name].Count > 1)
            {
                error = localizer["The {0} parameter is given more than once.", name];
                return false;
            }
        }
        if (!PageNumber.TryRead(query["page"], localizer, out var page, out error)
            || !TryReadYear(query["from"], "from", localizer, out var from, out error)
            || !TryReadYear(query["to"], "to", localizer, out var to, out error))
        {
            return false;
        }
        if (from > to)
        {
            error = localizer["The years are reversed: from ({0}) is after to ({1}).", from!.Value.ToString(CultureInfo.InvariantCulture), to!.Value.ToString(CultureInfo.InvariantCulture)];
            return false;
        }
        result = new SearchQuery(listingSlug, Words(query["q"]), Text(query["subject"]), Text(query["author"]), from, to, null, page);
        var sortName = Text(query["sort"]);
        if (sortName is not null)
        {
            var sort = SearchSorts.FromName(sortName);
            if (sort is null || !result.OfferedSorts.Contains(sort.Value))
            {
                error = localizer["\"{0}\" is not an order this list offers (parameter sort): use {1}.",
                    PaperLabel.Excerpt(sortName, 40), string.Join(", ", result.OfferedSorts.Select(s => s.Name()))];
                return false;
            }
            result = (result with { Sort = sort }).Normalized();
        }
        return true;
    }

    /// <summary>The words as typed, trimmed and cut to at most <see cref="SearchQuery.MaxQueryLength"/> characters, before a word cut in two if there is a space to cut at.</summary>
    public static string Words(StringValues values)
    {
        var text = (values.Count == 0 ? "" : values[0] ?? "").Trim();
        if (text.Length <= SearchQuery.MaxQueryLength)
        {
            return text;
        }
        var cut = char.IsHighSurrogate(text[SearchQuery.MaxQueryLength - 1]) ? SearchQuery.MaxQueryLength - 1 : SearchQuery.MaxQueryLength;
        if (!char.IsWhiteSpace(text[cut]))
        {
            var space = text.AsSpan(0, cut).LastIndexOfAny(' ', '\t', '\n');
            cut = space > 0 ? space : cut;
        }
        return text[..cut].TrimEnd();
    }

    private static string? Text(StringValues values) => values.Count == 0 || string.IsNullOrWhiteSpace(values[0]) ? null : values[0]!.Trim();

    private static bool TryReadYear(StringValues values, string name, IStringLocalizer localizer, out int? year, out string? error)
    {
        year = null;
        error = null;
        var text = Text(values);
        if (text is null)
        {
            return true;
        }
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= MinYear and <= MaxYear)
        {
            year = value;
            return true;
        }
        error = localizer["\"{0}\" is not a year (parameter {1}): years have four digits, from 1000 to 9999.", PaperLabel.Excerpt(text, 40), name];
        return false;
    }
}
