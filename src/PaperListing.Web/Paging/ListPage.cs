using Microsoft.Extensions.Localization;

namespace PaperListing.Web.Paging;

/// <summary>
/// What a list's reader answers for "page N of X": X is not there (<see cref="NotFound"/>), the list ends before
/// page N (<see cref="PastEnd"/>), or the page (<see cref="Found"/>). The HTML pages, the API, the exports and the
/// feed all ask a reader and turn this answer into their own format.
/// </summary>
public abstract record ListPage<T>
{
    private ListPage()
    {
    }

    /// <summary>The key names nothing; <paramref name="Reason"/> says which part, when the reader knows (a search's filter).</summary>
    public sealed record NotFound(string? Reason = null) : ListPage<T>;

    /// <summary>Page <paramref name="Page"/> is past the list's last, <paramref name="LastPage"/>.</summary>
    public sealed record PastEnd(int Page, int LastPage) : ListPage<T>
    {
        /// <summary>The 404 that says so, linking the last page (<paramref name="href"/> makes a page's address).</summary>
        public PastEndRefusal Refusal(ListWording wording, IStringLocalizer localizer, Func<int, string> href) =>
            PastEndRefusal.For(Page, LastPage, wording, localizer, href);
    }

    /// <summary>The page: what it shows, its range of positions, and how many items the whole list holds.</summary>
    public sealed record Found(T Content, PageRange Range, int Total) : ListPage<T>
    {
        public int PageCount => PageRange.PageCount(Total);
    }
}

/// <summary>The answers every reader gives the same way.</summary>
public static class ListPage
{
    /// <summary>The answer when <paramref name="range"/> starts after a list of <paramref name="total"/> items ends; null when the page exists.</summary>
    public static ListPage<T>.PastEnd? PastEndOf<T>(PageRange range, int total) =>
        range.IsPastEnd(total) ? new ListPage<T>.PastEnd(range.Page, PageRange.PageCount(total)) : null;
}
