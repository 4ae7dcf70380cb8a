using AngleSharp.Dom;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Search;

/// <summary>Searching as a visitor does: ranking, what is searched, highlighting, and search within one listing.</summary>
public sealed class SearchPageTests(SearchSite site) : IClassFixture<SearchSite>
{
    [Fact]
    public async Task Search_MatchInAbstractAuthorAndSubject_RanksAboveAMatchInTheAbstractOnly()
    {
        var page = await site.GetHtmlAsync("/search?q=Razin+tensor");

        Assert.Equal([SearchSite.RichAbstract, SearchSite.AbstractOnly], SearchSite.Abstracts(page));
        Assert.Equal("2 results for \"Razin tensor\"", page.QuerySelector(".result-count")!.TextContent);
    }

    [Fact]
    public async Task Search_AuthorName_FindsTheirPaperEvenWithoutTheUmlaut()
    {
        var page = await site.GetHtmlAsync("/search?q=Scholpple");

        Assert.Equal([SearchSite.UmlautAbstract], SearchSite.Abstracts(page));
        Assert.Equal("Schölpple", page.QuerySelector(".authors mark")!.TextContent);
    }

    [Fact]
    public async Task Search_CategoryAndFieldNames_FindPapersThatNameThemNowhereElse()
    {
        var category = await site.GetHtmlAsync("/search?q=combinatorics");
        var field = await site.GetHtmlAsync("/search?q=statistics");

        Assert.Equal(11, SearchSite.ResultCount(category));
        Assert.All(category.QuerySelectorAll("article.paper"), p => Assert.Contains("Combinatorics", p.QuerySelector(".subjects")!.TextContent, StringComparison.Ordinal));
        Assert.Equal([SearchSite.UmlautAbstract], SearchSite.Abstracts(field));
    }

    [Fact]
    public async Task Search_MarksTheMatches_AndShowsMarkupInAnAbstractAsText()
    {
        var page = await site.GetHtmlAsync("/search?q=tensor&author=grace-hopper");

        var @abstract = page.QuerySelector("article.paper [itemprop=abstract]")!;
        Assert.Equal(SearchSite.MarkupAbstract, @abstract.TextContent);
        Assert.Equal(["tensor"], @abstract.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Empty(@abstract.QuerySelectorAll("b, script"));
        // Markup of its own: the heading (its link) and the snippet, and the marks; the abstract's "<b>" is text.
        Assert.All(@abstract.QuerySelectorAll("*"), e => Assert.Contains(e.TagName, new[] { "H2", "A", "P", "MARK" }));
    }

    [Fact]
    public async Task SearchWithinAListing_ReturnsOnlyThatListingsPapers()
    {
        var everywhere = await site.GetHtmlAsync("/search?q=tensor");
        var within = await site.GetHtmlAsync($"/related/{SearchSite.TensorSlug}?q=tensor");
        var other = await site.GetHtmlAsync($"/related/{SearchSite.OtherSlug}?q=tensor");

        Assert.Contains(SearchSite.OtherTensorAbstract, SearchSite.Abstracts(everywhere));
        Assert.Equal(4, SearchSite.ResultCount(everywhere));
        Assert.Equal(3, SearchSite.ResultCount(within));
        Assert.DoesNotContain(SearchSite.OtherTensorAbstract, SearchSite.Abstracts(within));
        Assert.Equal([SearchSite.OtherTensorAbstract], SearchSite.Abstracts(other));
        Assert.Equal("Related papers: Tensor Studies", within.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task EveryListingPage_HasTheSearchBox_WhichSearchesThatListing()
    {
        foreach (var url in new[] { "/", $"/related/{SearchSite.TensorSlug}?page=2", $"/related/{SearchSite.OtherSlug}", "/search", "/authors/shared-author" })
        {
            var page = await site.GetHtmlAsync(url);
            var form = page.QuerySelector("form[role=search]");
            Assert.NotNull(form);
            Assert.Equal("get", form.GetAttribute("method"));
            Assert.NotNull(form.QuerySelector("input[type=search][name=q]"));
        }
        var listing = await site.GetHtmlAsync($"/related/{SearchSite.OtherSlug}");
        Assert.Equal($"/related/{SearchSite.OtherSlug}", listing.QuerySelector("form[role=search]")!.GetAttribute("action"));
        Assert.Equal("/search", listing.QuerySelector("form[role=search] button[formaction]")!.GetAttribute("formaction"));
    }

    [Fact]
    public async Task EmptyWords_ShowTheListing_OrOnSearchAPrompt()
    {
        var plain = await site.GetHtmlAsync($"/related/{SearchSite.TensorSlug}");
        var empty = await site.GetHtmlAsync($"/related/{SearchSite.TensorSlug}?q=++");
        var prompt = await site.GetHtmlAsync("/search?q=");

        Assert.Equal(SearchSite.Abstracts(plain), SearchSite.Abstracts(empty));
        Assert.Null(empty.QuerySelector(".result-count"));
        Assert.Contains("all 36 papers", prompt.QuerySelector(".search-prompt")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_InJapanese_SaysTheCountInJapanese()
    {
        var page = await site.GetHtmlAsync("/search?q=tensor&culture=ja");

        Assert.Equal("「tensor」の検索結果 4 件", page.QuerySelector(".result-count")!.TextContent);
        Assert.Equal("関連度順", page.QuerySelector(".sorts [aria-current=true]")!.TextContent);
    }

    [Fact]
    public async Task ALongSearch_IsCutAt200Characters()
    {
        var words = string.Join(' ', Enumerable.Repeat("tensor", 60));

        var page = await site.GetHtmlAsync($"/search?q={Uri.EscapeDataString(words)}");

        Assert.Equal(4, SearchSite.ResultCount(page));
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#search-q")!.Value.Length <= 200);
    }
}
