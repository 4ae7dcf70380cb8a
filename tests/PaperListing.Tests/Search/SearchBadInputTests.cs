using System.Net;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Search;

/// <summary>No input breaks search: syntax is searched as words, and a bad filter is a 400 naming its parameter.</summary>
public sealed class SearchBadInputTests(SearchSite site) : IClassFixture<SearchSite>
{
    private static void AssertNoEngineText(string body)
    {
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fts5", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("syntax error", body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("\"tensor", 4)]
    [InlineData("tensor\"", 4)]
    [InlineData("\"tensor\" \"", 4)]
    [InlineData("tensor*", 4)]
    [InlineData("-tensor", 4)]
    [InlineData("tensor NEAR graph", 0)]
    [InlineData("NEAR(tensor graph)", 0)]
    [InlineData("tensor AND", 2)]
    [InlineData("tensor OR graph", 0)]
    [InlineData("NOT tensor", 0)]
    [InlineData("^tensor", 4)]
    [InlineData("Abstract:tensor", 0)]
    [InlineData("(tensor", 4)]
    [InlineData("tensor)", 4)]
    [InlineData("{tensor}", 4)]
    [InlineData("tensor'", 4)]
    [InlineData("rank + low", 1)]
    [InlineData("*", 0)]
    [InlineData("\"\"", 0)]
    [InlineData("()^*:-", 0)]
    [InlineData("' OR 1=1 --", 0)]
    [InlineData("tensor'); DROP TABLE \"Papers\"; --", 0)]
    [InlineData("x\" OR rowid>0 OR \"", 0)]
    public async Task SearchSyntax_IsSearchedAsWords_NeverAnError(string words, int found)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/search?q={Uri.EscapeDataString(words)}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoEngineText(body);
        Assert.Equal(found, SearchSite.ResultCount(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body)) ?? 0);
    }

    [Fact]
    public async Task PunctuationOnly_SaysNothingCanBeFound()
    {
        var page = await site.GetHtmlAsync("/search?q=%2A%2A%2A");

        Assert.Equal("No results for \"***\"", page.QuerySelector(".result-count")!.TextContent);
        Assert.NotNull(page.QuerySelector(".search-hint"));
        Assert.Empty(page.QuerySelectorAll("article.paper"));
    }

    [Fact]
    public async Task AfterAnInjectionAttempt_ThePapersAreAllThere()
    {
        using var client = site.CreateClient();
        await client.GetAsync("/search?q=%27%29%3B%20DROP%20TABLE%20%22Papers%22%3B%20--");

        var prompt = await site.GetHtmlAsync("/search");

        Assert.Contains("all 36 papers", prompt.QuerySelector(".search-prompt")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search?q=tensor&subject=no-such-subject", "subject")]
    [InlineData("/related/tensor-studies?subject=no-such-subject", "subject")]
    [InlineData("/search?author=no-such-author", "author")]
    [InlineData("/related/tensor-studies?q=x&author=%3Cscript%3E", "author")]
    [InlineData("/search?q=tensor&from=20", "from")]
    [InlineData("/search?q=tensor&from=0999", "from")]
    [InlineData("/search?q=tensor&to=10000", "to")]
    [InlineData("/search?q=tensor&to=20%2021", "to")]
    [InlineData("/search?q=tensor&from=-2020", "from")]
    [InlineData("/search?q=tensor&from=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%90", "from")]
    [InlineData("/related/tensor-studies?from=2021&to=2019", "from")]
    [InlineData("/search?q=tensor&sort=best", "sort")]
    [InlineData("/search?q=tensor&sort=listing", "sort")]
    [InlineData("/search?subject=mathematics&sort=relevance", "sort")]
    [InlineData("/search?q=a&q=b", "q")]
    [InlineData("/search?q=tensor&page=0", "page")]
    [InlineData("/related/tensor-studies?q=tensor&page=x", "page")]
    public async Task BadParameter_Answers400_NamingIt(string url, string parameter)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNoEngineText(body);
        var message = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body).QuerySelector(".error-message")!.TextContent;
        Assert.Contains(parameter, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadParameter_InJapanese_IsExplainedInJapanese()
    {
        var page = await site.GetHtmlAsync("/search?q=tensor&from=20x&culture=ja");

        Assert.Equal("「20x」は年ではありません（from パラメーター）。年は 1000 から 9999 までの 4 桁の数字です。", page.QuerySelector(".error-message")!.TextContent);
    }

    [Fact]
    public async Task APagePastTheLast_Answers404_WithALinkToTheLast()
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync("/search?q=graph&page=3");
        var page = await site.GetHtmlAsync("/search?q=graph&page=3");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/search?q=graph&page=2", page.QuerySelector(".error-message + p a")!.GetAttribute("href"));
    }
}
