using PaperListing.Web.Paging;

namespace PaperListing.Tests.Paging;

/// <summary>What the pager shows: first, last, a window of two around the current page, "…" for the gaps.</summary>
public sealed class PagerTests
{
    private static string Render(int current, int count) =>
        string.Join(" ", new Pager(current, count, n => $"?page={n}").Items.Select(i => i.Page?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"));

    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(1, 2, "1 2")]
    [InlineData(2, 3, "1 2 3")]
    [InlineData(1, 10, "1 2 3 … 10")]
    [InlineData(5, 10, "1 2 3 4 5 6 7 … 10")]
    [InlineData(6, 10, "1 … 4 5 6 7 8 9 10")]
    [InlineData(10, 10, "1 … 8 9 10")]
    [InlineData(50, 100, "1 … 48 49 50 51 52 … 100")]
    [InlineData(1, 7, "1 2 3 … 7")]
    [InlineData(4, 7, "1 2 3 4 5 6 7")]
    public void Items_ShowFirstLastAndAWindowWithGaps(int current, int count, string expected) =>
        Assert.Equal(expected, Render(current, count));

    [Fact]
    public void Items_ForAMillionPages_StayAHandful()
    {
        var items = new Pager(500_000, 1_000_000, n => "").Items;

        Assert.Equal("1 … 499998 499999 500000 500001 500002 … 1000000", Render(500_000, 1_000_000));
        Assert.Equal(9, items.Count);
    }

    [Fact]
    public void PrevAndNext_AreDeadAtTheEnds()
    {
        Assert.False(new Pager(1, 3, n => "").HasPrevious);
        Assert.True(new Pager(1, 3, n => "").HasNext);
        Assert.False(new Pager(3, 3, n => "").HasNext);
    }

    [Fact]
    public void JumpTarget_KeepsASearchsWordsAndFilters_AndLeavesThePageToTheForm()
    {
        var pager = new Pager(3, 10, n => n == 1 ? "/search?q=deep%20learning&author=nadav-cohen" : $"/search?q=deep%20learning&author=nadav-cohen&page={n}");

        var (action, fields) = pager.JumpTarget();

        Assert.Equal("/search", action);
        Assert.Equal([("q", "deep learning"), ("author", "nadav-cohen")], fields);
        Assert.Equal(("/related/x", 0), (new Pager(2, 9, n => "/related/x").JumpTarget().Action, new Pager(2, 9, n => "/related/x").JumpTarget().Fields.Count));
    }
}
