using System.Globalization;
using System.Text;

namespace PaperListing.Web.Search;

/// <summary>
/// One view of the papers, all of it in the address: words to match (<c>q</c>), a subject or field (<c>subject</c>),
/// an author (<c>author</c>), a range of years (<c>from</c>, <c>to</c>), an order (<c>sort</c>) and a page. Within a
/// listing when <see cref="ListingSlug"/> is set (its address is /related/{slug}), across all listings otherwise
/// (/search). Every link to such a view is written by <see cref="ToQueryString"/>: parameters in that one order,
/// defaults left out, so one view has one address.
/// </summary>
public sealed record SearchQuery(
    string? ListingSlug,
    string Q = "",
    string? Subject = null,
    string? Author = null,
    int? From = null,
    int? To = null,
    SearchSort? Sort = null,
    int Page = 1)
{
    /// <summary>The longest search kept; anything after it is cut.</summary>
    public const int MaxQueryLength = 200;

    public bool HasWords => Q.Length > 0;

    public bool HasFilters => Subject is not null || Author is not null || From is not null || To is not null;

    /// <summary>Anything beyond a plain page of the listing: words, a filter or an order of one's own.</summary>
    public bool IsSearch => HasWords || HasFilters || Sort is not null;

    /// <summary>Relevance when there are words; else a listing's own order, or newest first across listings.</summary>
    public SearchSort DefaultSort => HasWords ? SearchSort.Relevance : ListingSlug is not null ? SearchSort.Listing : SearchSort.Newest;

    public SearchSort EffectiveSort => Sort ?? DefaultSort;

    /// <summary>The orders that mean something for this view, the default first.</summary>
    public IReadOnlyList<SearchSort> OfferedSorts
    {
        get
        {
            var sorts = new List<SearchSort>();
            if (HasWords)
            {
                sorts.Add(SearchSort.Relevance);
            }
            if (ListingSlug is not null)
            {
                sorts.Add(SearchSort.Listing);
            }
            sorts.Add(SearchSort.Newest);
            sorts.Add(SearchSort.Oldest);
            return sorts;
        }
    }

    /// <summary>The same view with its order normalised: the default order is not written.</summary>
    public SearchQuery Normalized() => Sort == DefaultSort ? this with { Sort = null } : this;

    /// <summary>"?q=…&amp;subject=…&amp;author=…&amp;from=…&amp;to=…&amp;sort=…&amp;page=…", defaults left out; "" for the plain view.</summary>
    public string ToQueryString()
    {
        var text = new StringBuilder();
        void Add(string name, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }
            text.Append(text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        Add("q", Q);
        Add("subject", Subject);
        Add("author", Author);
        Add("from", From?.ToString(CultureInfo.InvariantCulture));
        Add("to", To?.ToString(CultureInfo.InvariantCulture));
        Add("sort", Sort is { } sort && sort != DefaultSort ? sort.Name() : null);
        Add("page", Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null);
        return text.ToString();
    }
}
