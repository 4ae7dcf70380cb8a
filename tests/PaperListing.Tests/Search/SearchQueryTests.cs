using PaperListing.Web.Search;

namespace PaperListing.Tests.Search;

/// <summary>The pure parts of search: canonical addresses, phrases, the FTS5 expression and highlighting.</summary>
public sealed class SearchQueryTests
{
    [Fact]
    public void ToQueryString_WritesTheOneOrder_AndLeavesDefaultsOut()
    {
        var query = new SearchQuery(null, "a b&c", "machine-learning", "noam-razin", 2019, 2021, SearchSort.Oldest, 3);

        Assert.Equal("?q=a%20b%26c&subject=machine-learning&author=noam-razin&from=2019&to=2021&sort=oldest&page=3", query.ToQueryString());
        Assert.Equal("", new SearchQuery("listing", Sort: SearchSort.Listing, Page: 1).ToQueryString());
        Assert.Equal("?q=x", new SearchQuery(null, "x", Sort: SearchSort.Relevance).ToQueryString());
        Assert.Equal("", new SearchQuery(null, Sort: SearchSort.Newest).ToQueryString());
        Assert.Equal("?sort=newest", new SearchQuery("listing", Sort: SearchSort.Newest).ToQueryString());
        Assert.Equal("?q=x&sort=listing", new SearchQuery("listing", "x", Sort: SearchSort.Listing).ToQueryString());
    }

    [Theory]
    [InlineData("Razin tensor", "razin|tensor")]
    [InlineData("  state-of-the-art  ", "state of the art")]
    [InlineData("\"NEAR(a* OR -b)\" ^c d:e", "near a|or|b|c|d e")]
    [InlineData("Schölpple SCHOLPPLE", "scholpple")]
    [InlineData("*** () \"\" -", "")]
    public void Parse_SplitsIntoPhrasesOfFoldedWords(string text, string expected)
    {
        var phrases = SearchPhrases.Parse(text);

        Assert.Equal(expected, string.Join('|', phrases.Phrases.Select(p => string.Join(' ', p))));
        Assert.Equal(expected.Length == 0, phrases.IsEmpty);
    }

    [Fact]
    public void MatchExpression_QuotesEveryPhrase_AsStemsInTheStemColumns()
    {
        const string stems = "{AbstractStems AuthorStems SubjectStems}";

        Assert.Equal($"{stems} : \"near a\" AND {stems} : \"or\" AND {stems} : \"b\"",
            SqlitePaperSearch.MatchExpression(SearchPhrases.Parse("NEAR(a OR b\"")));
    }

    [Fact]
    public void MatchExpression_TakesTheLastWordAlsoAsAPrefix_OfTheTextAsTyped()
    {
        Assert.Equal("{AbstractStems AuthorStems SubjectStems} : \"tensor\" AND ({AbstractStems AuthorStems SubjectStems} : \"implicit regular\""
            + " OR {Abstract Authors Subjects} : \"implicit regularizations\" *)",
            SqlitePaperSearch.MatchExpression(SearchPhrases.Parse("Tensors implicit-regularizations")));
        Assert.Equal("{Abstract Authors Subjects} : \"tensors\" AND {Abstract Authors Subjects} : \"implicit regularizations\"",
            SqlitePaperSearch.ExactExpression(SearchPhrases.Parse("Tensors implicit-regularizations")));
    }

    [Fact]
    public void Highlight_EncodesTheText_AndMarksWholeWordsAndPhrases()
    {
        var highlight = new SearchHighlight(SearchPhrases.Parse("tensor state-of-the-art"));

        var html = highlight.Html("<b>Tensors</b>, a tensor & the state of the art; Tensor; a tense state.").ToString();

        Assert.Equal("&lt;b&gt;<mark>Tensors</mark>&lt;/b&gt;, a <mark>tensor</mark> &amp; the <mark>state of the art</mark>; <mark>Tensor</mark>; a tense state.", html);
    }

    [Fact]
    public void Highlight_KeepsOtherScriptsAsCharacters()
    {
        Assert.Equal("<mark>Schölpple</mark> と 学習", new SearchHighlight(SearchPhrases.Parse("scholpple")).Html("Schölpple と 学習").ToString());
    }
}
