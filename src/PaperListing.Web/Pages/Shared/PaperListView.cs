using PaperListing.Web.Paging;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Pages.Shared;

/// <summary>What the _PaperList partial shows: a page of cards, numbered from <see cref="FirstPosition"/> + 1, and its pager.</summary>
public sealed record PaperListView(IReadOnlyList<PaperCard> Papers, int FirstPosition, Pager Pager)
{
    /// <summary>Whether each card has a "Select" checkbox for a reading list (a reading list's own cards have not).</summary>
    public bool Pickable { get; init; } = true;
}
