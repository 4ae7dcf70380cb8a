using System.Net;
using System.Text.Json;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Search;

/// <summary>Suggestions for the search box: authors, subjects and words that exist, at most 8, for what was typed.</summary>
public sealed class SearchSuggestionsTests(SearchSite site) : IClassFixture<SearchSite>
{
    private sealed record Shown(string Kind, string Text, string Html);

    private async Task<List<Shown>> SuggestionsAsync(string q)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync($"/api/suggestions?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var shown = json.GetProperty("suggestions").EnumerateArray()
            .Select(s => new Shown(s.GetProperty("kind").GetString()!, s.GetProperty("text").GetString()!, s.GetProperty("html").GetString()!))
            .ToList();
        Assert.InRange(shown.Count, 0, 8);
        return shown;
    }

    [Fact]
    public async Task AnAuthorsFamilyName_SuggestsTheAuthor_LinkingToTheirPage()
    {
        var shown = await SuggestionsAsync("raz");

        Assert.Equal(new Shown("author", "Noam Razin", "http://localhost/authors/noam-razin"), shown[0]);
        Assert.Contains(new Shown("word", "razin", "http://localhost/search?q=razin"), shown);
    }

    [Theory]
    [InlineData("scho")]
    [InlineData("SCHÖ")]
    [InlineData("max sch")]
    public async Task CaseAndAccents_DoNotMatter_AndSeveralWordsNarrowTheName(string q)
    {
        var shown = await SuggestionsAsync(q);

        Assert.Contains(shown, s => s is { Kind: "author", Text: "Max Schölpple" });
    }

    [Fact]
    public async Task CategoriesAndFields_AreSuggested()
    {
        Assert.Contains(await SuggestionsAsync("combin"), s => s is { Kind: "subject", Text: "Combinatorics", Html: "http://localhost/subjects/combinatorics-in-mathematics" });
        Assert.Contains(await SuggestionsAsync("statis"), s => s is { Kind: "subject", Text: "Statistics", Html: "http://localhost/subjects/statistics" });
    }

    [Fact]
    public async Task Words_CompleteTheLastWordTyped_MostCommonFirst_AfterTheWordsBefore()
    {
        var shown = await SuggestionsAsync("graph col");

        Assert.Equal(["graph colours"], shown.Where(s => s.Kind == "word").Select(s => s.Text));
        var words = (await SuggestionsAsync("te")).Where(s => s.Kind == "word").Select(s => s.Text).ToList();
        Assert.Equal("tensor", words[0]);
        Assert.All(words, w => Assert.StartsWith("te", w, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryWordSuggested_FindsPapers()
    {
        foreach (var suggestion in (await SuggestionsAsync("co")).Where(s => s.Kind == "word"))
        {
            var page = await site.GetHtmlAsync(new Uri(suggestion.Html).PathAndQuery);
            Assert.True(SearchSite.ResultCount(page) > 0, suggestion.Text);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("t")]
    [InlineData("*")]
    [InlineData("%%")]
    [InlineData("__")]
    [InlineData("zzzzqqq")]
    public async Task TooLittle_OrNothingKnown_SuggestsNothing(string q)
    {
        Assert.Empty(await SuggestionsAsync(q));
    }

    [Theory]
    [InlineData("te%")]
    [InlineData("te_")]
    [InlineData("te\"*")]
    [InlineData("te:*")]
    [InlineData("te\0")]
    public async Task QuerySyntax_IsPlainText(string q)
    {
        Assert.Equal(await SuggestionsAsync("te"), await SuggestionsAsync(q));
    }

    [Fact]
    public async Task SqlInTheBox_IsWordsLikeAnyOther()
    {
        var shown = await SuggestionsAsync("' OR 1=1 --");

        Assert.NotEmpty(shown);
        Assert.All(shown, s => Assert.StartsWith("or 1 1", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARepeatedQ_Answers400NamingIt()
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync("/api/suggestions?q=te&q=gr");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("q parameter", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFlood_IsRefusedWith429()
    {
        using var limited = new SearchSite().WithSetting("RateLimits:ApiPerMinute", "3");
        using var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("/api/suggestions?q=ten");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
