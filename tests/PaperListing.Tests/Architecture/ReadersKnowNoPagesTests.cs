using PaperListing.Web.Paging;

namespace PaperListing.Tests.Architecture;

/// <summary>
/// The readers answer with data and the pages render it: nothing in Papers/, Search/ or Paging/ uses a page type or
/// MVC (a PageModel, an IActionResult), so an endpoint, an export or a feed can ask them as a page does.
/// </summary>
public sealed class ReadersKnowNoPagesTests
{
    [Theory]
    [InlineData("PaperListing.Web.Papers")]
    [InlineData("PaperListing.Web.Search")]
    [InlineData("PaperListing.Web.Paging")]
    public void Readers_UseNeitherPagesNorMvc(string readers)
    {
        var types = typeof(PageRange).Assembly.GetTypes().Where(t => t.Namespace == readers).ToList();

        var uses = types.SelectMany(t => TypeUses.Of(t).Select(used => $"{t.FullName} uses {used}"))
            .Where(use => use.Contains(" uses PaperListing.Web.Pages.", StringComparison.Ordinal)
                || use.Contains(" uses Microsoft.AspNetCore.Mvc.", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(types);
        Assert.Empty(uses);
    }

    [Fact]
    public void TypeUses_SeesAPageTypeInAMethodBody()
    {
        // The check itself reads bodies, not only signatures: the pages' own list view is built inside this method.
        Assert.Contains("PaperListing.Web.Pages.Shared.PaperListView", TypeUses.Of(typeof(ReadersKnowNoPagesTests)));
    }

    private static int BuildsAListView() =>
        new PaperListing.Web.Pages.Shared.PaperListView([], 0, new Pager(1, 1, _ => "")).FirstPosition;
}
