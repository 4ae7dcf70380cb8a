using PaperListing.Web.Paging;

namespace PaperListing.Tests.Paging;

/// <summary>A page is 20 positions: which positions a page covers, which page a position is on, and where a list ends.</summary>
public sealed class PageRangeTests
{
    [Theory]
    [InlineData(1, 0, 20)]
    [InlineData(2, 20, 40)]
    [InlineData(50_001, 1_000_000, 1_000_020)]
    public void Page_CoversItsTwentyPositions(int page, int first, int end)
    {
        var range = new PageRange(page);

        Assert.Equal((first, end, first, 20), (range.First, range.End, range.Skip, range.Take));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(19, 1)]
    [InlineData(20, 2)]
    [InlineData(1_000_019, 50_001)]
    public void Position_IsOnThePageThatCoversIt(int position, int page)
    {
        Assert.Equal(page, PageRange.PageOf(position));
        Assert.InRange(position, new PageRange(page).First, new PageRange(page).End - 1);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(20, 1)]
    [InlineData(21, 2)]
    [InlineData(60, 3)]
    public void PageCount_CountsPartPagesAndGivesAnEmptyListOnePage(int count, int pages) =>
        Assert.Equal(pages, PageRange.PageCount(count));

    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(3, 60, false)]
    [InlineData(4, 60, true)]
    [InlineData(2, 0, true)]
    public void PastEnd_OnlyAfterTheLastPage_NamingIt(int page, int count, bool pastEnd)
    {
        var answer = ListPage.PastEndOf<string>(new PageRange(page), count);

        Assert.Equal(pastEnd ? new ListPage<string>.PastEnd(page, PageRange.PageCount(count)) : null, answer);
    }
}
