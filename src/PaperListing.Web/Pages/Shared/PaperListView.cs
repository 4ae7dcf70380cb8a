using PaperListing.Web.Paging;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Pages.Shared;

/// <summary>What the _PaperList partial shows: a page of cards, numbered from <see cref="FirstPosition"/> + 1, and its pager.</summary>
public sealed record PaperListView(IReadOnlyList<PaperCard> Papers, int FirstPosition, Pager Pager)
{
    /// <summary>How many papers the whole list holds, for "Papers 21–40 of 2,000 · page 2 of 100".</summary>
    public int Total { get; init; }

    /// <summary>On an author's page, that author: marked in each card's author list.</summary>
    public string? CurrentAuthorSlug { get; init; }

    /// <summary>On a category's or a field's page, that subject: marked in each card's subjects.</summary>
    public string? CurrentSubjectSlug { get; init; }
    /// <summary>Whether each card has a "Select" checkbox for a reading list (a reading list's own cards have not).</summary>
    public bool Pickable { get; init; } = true;

    /// <summary>A page a list's reader found: its cards numbered from the range's first position, and a pager over the whole list.</summary>
    public static PaperListView Of<T>(ListPage<T>.Found found, IReadOnlyList<PaperCard> papers, Func<int, string> href) =>
        new(papers, found.Range.First, new Pager(found.Range.Page, found.PageCount, href)) { Total = found.Total };
}
