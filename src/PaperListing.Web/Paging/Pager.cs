namespace PaperListing.Web.Paging;

/// <summary>One item of the pager: a page number, or a gap ("…") between page numbers.</summary>
public sealed record PagerItem(int? Page)
{
    public bool IsGap => Page is null;
}

/// <summary>
/// The pager under a listing: ‹ Prev, the first and last page and a window around the current one with gaps
/// between, Next ›. <see cref="Href"/> makes each page's address, so every kind of list pages the same way.
/// </summary>
public sealed record Pager(int Current, int Count, Func<int, string> Href)
{
    private const int Window = 2;

    /// <summary>The ViewData key a page puts its pager under, for the layout to link the previous and next pages.</summary>
    public const string ViewDataKey = "Pager";

    /// <summary>Lists of more pages than this get a jump-to-page form.</summary>
    public const int JumpFormFrom = 5;

    public bool HasPrevious => Current > 1;
    public bool HasNext => Current < Count;

    public IReadOnlyList<PagerItem> Items
    {
        get
        {
            var items = new List<PagerItem>();
            var last = 0;
            for (var page = 1; page <= Count; page++)
            {
                var shown = page == 1 || page == Count || Math.Abs(page - Current) <= Window
                    // A gap of one page is shown as that page: "…" would hide nothing.
                    || (page == 2 && Current - Window == 3) || (page == Count - 1 && Current + Window == Count - 2);
                if (!shown)
                {
                    // Jump straight to the next page that is shown, so a million pages cost nothing.
                    var next = page < Current - Window ? Current - Window : Count;
                    page = Math.Max(page, next - 1);
                    continue;
                }
                if (last != 0 && page != last + 1)
                {
                    items.Add(new PagerItem(null));
                }
                items.Add(new PagerItem(page));
                last = page;
            }
            return items;
        }
    }

    /// <summary>
    /// Where a jump-to-page form sends its GET: page 1's path, and its other query parameters as hidden fields, so
    /// the form's own <c>page</c> lands on the same list (a search keeps its words and filters).
    /// </summary>
    public (string Action, IReadOnlyList<(string Name, string Value)> Fields) JumpTarget()
    {
        var first = Href(1);
        var query = first.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return (first, []);
        }
        var fields = new List<(string, string)>();
        foreach (var (name, values) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(first[query..]))
        {
            if (name != "page")
            {
                fields.AddRange(values.Select(v => (name, v ?? "")));
            }
        }
        return (first[..query], fields);
    }
}
