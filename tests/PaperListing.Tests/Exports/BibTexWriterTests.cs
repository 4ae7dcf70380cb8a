using PaperListing.Web.Exports;
using PaperListing.Web.Papers;

namespace PaperListing.Tests.Exports;

/// <summary>The BibTeX a reference manager imports: exact text, LaTeX specials escaped, names kept in UTF-8.</summary>
public sealed class BibTexWriterTests
{
    private static PaperCard Card(string @abstract, string[] authors, string? title = null, string id = "abcdefghjk", DateOnly? published = null) =>
        new(1, id, title, @abstract, published ?? new DateOnly(2019, 3, 7),
            [new SubjectLink("Machine Learning", "machine-learning-in-statistics", "Statistics", "statistics")],
            authors.Select(a => new AuthorLink(a, a.ToLowerInvariant().Replace(' ', '-'))).ToList());

    [Fact]
    public void Entry_SpecialCharactersAndDiacritics_IsExact()
    {
        var paper = Card(@"50% of $x_1$ & {braces} ~ ^ \ #1 -- ``q''", ["Stéphane Ayache", "Thierry Artières"]);

        var bib = BibTexWriter.Entry(paper, "https://papers.example.org/papers/abcdefghjk/50-of-x-1-braces-1");

        Assert.Equal("""
            @unpublished{ayache2019-abcdefghjk,
              author = {Ayache, Stéphane and Artières, Thierry},
              title = {{[50\% of \textdollar{}x\_1\textdollar{} \& \{braces\} \textasciitilde{} ^ \textbackslash{} \#1 -{}- `{}`q'{}']}},
              year = {2019},
              date = {2019-03-07},
              abstract = {50\% of \textdollar{}x\_1\textdollar{} \& \{braces\} \textasciitilde{} ^ \textbackslash{} \#1 -{}- `{}`q'{}'},
              keywords = {Machine Learning (Statistics)},
              note = {Title supplied from the first sentence of the abstract; the source gives none},
              url = {https://papers.example.org/papers/abcdefghjk/50-of-x-1-braces-1}
            }

            """.ReplaceLineEndings("\n"), bib);
    }

    [Fact]
    public void Entry_WithATitle_WritesItBracedAndNoNote()
    {
        var paper = Card("An abstract.", ["Ada Lovelace"], title: "Notes on the Analytical Engine");

        var bib = BibTexWriter.Entry(paper, "https://x.org/p");

        Assert.Contains("  title = {{Notes on the Analytical Engine}},\n", bib, StringComparison.Ordinal);
        Assert.DoesNotContain("note =", bib, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_WithoutATitle_SuppliesTheFirstSentenceInBrackets()
    {
        var bib = BibTexWriter.Entry(Card("We argue that the optimization plays a crucial role. We do this by showing it.", ["Behnam Neyshabur"]), "https://x.org/p");

        Assert.Contains("  title = {{[We argue that the optimization plays a crucial role.]}},\n", bib, StringComparison.Ordinal);
        Assert.StartsWith("@unpublished{neyshabur2019-abcdefghjk,\n  author = {Neyshabur, Behnam},\n", bib, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_AuthorNamedWithAnd_IsBracedAsOneName()
    {
        var bib = BibTexWriter.Entry(Card("Text.", ["Smith and Sons", "Jo Doe"]), "https://x.org/p");

        Assert.Contains("author = {Sons, {Smith and} and Doe, Jo}", bib, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Behnam Neyshabur", 2017, "neyshabur2017-abcdefghjk")]
    [InlineData("Thierry Artières", 2021, "artieres2021-abcdefghjk")]
    [InlineData("Hung-Hsu Chou", 2020, "chou2020-abcdefghjk")]
    [InlineData("李 雷", 2020, "anon2020-abcdefghjk")]
    public void CitationKey_IsLastNameYearAndId(string author, int year, string expected)
    {
        Assert.Equal(expected, CitationKey.For(Card("Text.", [author], published: new DateOnly(year, 1, 1))));
    }

    [Fact]
    public void CitationKey_SameAuthorAndYear_DiffersByPaper()
    {
        var first = CitationKey.For(Card("One.", ["Noam Razin"], id: "aaaaaaaaaa"));
        var second = CitationKey.For(Card("Two.", ["Noam Razin"], id: "bbbbbbbbbb"));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Write_SeveralPapers_SeparatesEntriesByABlankLine()
    {
        var bib = BibTexWriter.Write([(Card("One.", ["A B"], id: "aaaaaaaaaa"), "u1"), (Card("Two.", ["C D"], id: "bbbbbbbbbb"), "u2")]);

        Assert.Equal(2, bib.Split("@unpublished{").Length - 1);
        Assert.Contains("}\n\n@unpublished{d2019-bbbbbbbbbb,", bib, StringComparison.Ordinal);
    }
}
