using System.Text.Encodings.Web;
using PaperListing.Tests.Formulas;
using PaperListing.Web.Pages.Shared;
using PaperListing.Web.Papers;
using PaperListing.Web.Search;

namespace PaperListing.Tests.Papers;

/// <summary>Which parts of an abstract are TeX formulas: they are typeset, and search marks never land inside them.</summary>
public sealed class TexTextTests
{
    private static string Show(string text) =>
        string.Join("|", TexText.Split(text).Select(p => p.IsMath ? (p.IsDisplay ? $"D[{p.Text}]" : $"M[{p.Text}]") : p.Text));

    [Theory]
    [InlineData("rate $\\mathcal{O}(1/\\sqrt{T})$ holds", "rate |M[$\\mathcal{O}(1/\\sqrt{T})$]| holds")]
    [InlineData("tight: $$x^2$$ so", "tight: |D[$$x^2$$]| so")]
    [InlineData("rank \\(r\\) and \\[ m = n \\] end", "rank |M[\\(r\\)]| and |D[\\[ m = n \\]]| end")]
    [InlineData("It costs \\$0.02 per epoch.", "It costs $0.02 per epoch.")]
    [InlineData("costs $5 and $10 each", "costs $5 and $10 each")]
    [InlineData("a $ b $ c", "a $ b $ c")]
    [InlineData("unclosed $x and \\(y", "unclosed $x and \\(y")]
    [InlineData("empty $$$$ and \\(\\) stay", "empty $$$$ and \\(\\) stay")]
    [InlineData("price \\$5 and $\\$x$ too", "price $5 and |M[$\\$x$]| too")]
    [InlineData("", "")]
    public void Split_FindsFormulasAndLeavesDollarsOfMoneyAsText(string text, string expected) =>
        Assert.Equal(expected, Show(text));

    [Fact]
    public void Html_MarksSearchWordsOutsideFormulasOnly_AndTypesetsTheFormula()
    {
        var highlight = new SearchHighlight(SearchPhrases.Parse("sqrt rate"));
        var html = new StringWriter();

        new TexHtml("The rate $\\sqrt{T}$ and sqrt <b>", TestFormulas.Typesetter, highlight).WriteTo(html, HtmlEncoder.Default);

        Assert.Matches("^The <mark>rate</mark> <span class=\"tex\"><span class=\"katex\"><math [^$]*<msqrt><mi>T</mi></msqrt>.*</math></span></span> and <mark>sqrt</mark> &lt;b&gt;$", html.ToString());
        Assert.DoesNotContain("mark", html.ToString().Split("<math")[1].Split("</math>")[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad $\\frac{$ one", "bad <span class=\"tex tex-source\">$\\frac{$</span> one")]
    [InlineData("costs \\$0.02 & more", "costs $0.02 &amp; more")]
    [InlineData("costs \\$0.02 and $x$", "costs $0.02 and <span class=\"tex\"><span class=\"katex\">")]
    public void Html_KeepsWhatKaTeXCannotRead_AsItsSource_AndALiteralDollarAsText(string text, string expectedStart) =>
        Assert.StartsWith(expectedStart, Html(text), StringComparison.Ordinal);

    [Fact]
    public void Html_ShowsAFormulaNestedTooDeepForKaTeX_AsItsSource()
    {
        var hostile = "$" + new string('{', 1900) + "x" + new string('}', 1900) + "$";

        Assert.Equal($"deep <span class=\"tex tex-source\">{hostile}</span> end", Html($"deep {hostile} end"));
    }

    private static string Html(string text)
    {
        var html = new StringWriter();
        new TexHtml(text, TestFormulas.Typesetter).WriteTo(html, HtmlEncoder.Default);
        return html.ToString();
    }
}
