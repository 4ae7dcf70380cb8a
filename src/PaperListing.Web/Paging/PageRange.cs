namespace PaperListing.Web.Paging;

/// <summary>
/// Which positions page <see cref="Page"/> of a list covers, 20 a page: the one place a page becomes a range of
/// positions (<see cref="Skip"/>, <see cref="Take"/>) and a position becomes its page (<see cref="PageOf"/>).
/// Positions count from 0, pages from 1.
/// </summary>
public readonly record struct PageRange(int Page)
{
    public const int Size = 20;

    /// <summary>The position of the page's first item: how many items come before it.</summary>
    public int Skip => (Page - 1) * Size;

    public int Take => Size;

    /// <summary>The first position on the page.</summary>
    public int First => Skip;

    /// <summary>The position just past the page's last: the page is [<see cref="First"/>, <see cref="End"/>).</summary>
    public int End => Skip + Size;

    /// <summary>Whether the page starts after a list of <paramref name="count"/> items ends (an empty list still has page 1).</summary>
    public bool IsPastEnd(int count) => Page > PageCount(count);

    /// <summary>The page the item at <paramref name="position"/> is on.</summary>
    public static int PageOf(int position) => position / Size + 1;

    /// <summary>How many pages <paramref name="count"/> items fill (at least one, so an empty list has a page 1).</summary>
    public static int PageCount(int count) => Math.Max(1, (count + Size - 1) / Size);
}
