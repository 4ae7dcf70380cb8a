using System.Diagnostics;
using System.Xml.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using PaperListing.Web.Formulas;

namespace PaperListing.Tests.Formulas;

/// <summary>TeX typeset on the server by the site's KaTeX: MathML that browsers draw, the source kept for anything KaTeX cannot read in time.</summary>
public sealed class FormulaTypesetterTests
{
    private static readonly XNamespace MathMl = "http://www.w3.org/1998/Math/MathML";

    private static XElement Math(string html) => XElement.Parse(html).Element(MathMl + "math")!;

    [Fact]
    public void AFormula_IsMathMl_ReadBackAsXml_WithItsSourceAsAnnotation_AndNoStyle()
    {
        var html = TestFormulas.Typesetter.Typeset("\\frac{C}{\\sqrt{T}} + x_t^2", display: false)!;

        var math = Math(html);
        Assert.NotNull(math.Descendants(MathMl + "mfrac").SingleOrDefault());
        Assert.NotNull(math.Descendants(MathMl + "msqrt").SingleOrDefault());
        Assert.NotNull(math.Descendants(MathMl + "msubsup").SingleOrDefault());
        Assert.Equal("\\frac{C}{\\sqrt{T}} + x_t^2", math.Descendants(MathMl + "annotation").Single().Value);
        Assert.Null(math.Attribute("display"));
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ADisplayFormula_IsABlock() =>
        Assert.Equal("block", Math(TestFormulas.Typesetter.Typeset("m = \\Theta(n r \\log n)", display: true)!).Attribute("display")?.Value);

    [Theory]
    [InlineData("\\mathbb{E}[X] \\in \\mathbb{R}", "𝔼", "ℝ")]
    [InlineData("\\mathcal{O}(1/\\sqrt{T}) + \\mathcal{L}", "𝒪", "ℒ")]
    [InlineData("\\boldsymbol{\\theta} + \\mathbf{x}", "𝜽", "𝐱")]
    public void LettersInAVariant_AreUnicodesMathematicalLetters_WhichChromiumDraws(string tex, string first, string second)
    {
        var math = Math(TestFormulas.Typesetter.Typeset(tex, display: false)!);

        var letters = math.Descendants(MathMl + "mi").Select(mi => mi.Value).ToList();
        Assert.Contains(first, letters);
        Assert.Contains(second, letters);
        Assert.DoesNotContain(math.Descendants(MathMl + "mi"), mi => mi.Attribute("mathvariant")?.Value is { } v && v != "normal");
    }

    [Fact]
    public void AFunctionName_HasThinSpacesAroundIt() =>
        Assert.Contains("<mi>r</mi><mspace width=\"0.1667em\"></mspace><mi>log</mi><mo rspace=\"0.1667em\">\u2061</mo><mi>n</mi>",
            TestFormulas.Typesetter.Typeset("n r \\log n", display: false), StringComparison.Ordinal);

    [Theory]
    [InlineData("\\frac{")]
    [InlineData("x^^2")]
    [InlineData("\\undefinedmacro{x}")]
    [InlineData("\\def\\a{\\a\\a}\\a")]
    [InlineData("   ")]
    public void AFormulaKaTeXCannotRead_IsNotTypeset(string tex) =>
        Assert.Null(TestFormulas.Typesetter.Typeset(tex, display: false));

    [Fact]
    public void AHostileFormula_IsGivenUpWithinTheLimits_AndTheNextIsTypesetAsUsual()
    {
        var hostile = new string('{', 1900) + "x" + new string('}', 1900); // nesting deeper than the engine allows
        var clock = Stopwatch.StartNew();

        Assert.Null(TestFormulas.Typesetter.Typeset(hostile, display: true));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed}");
        Assert.NotNull(TestFormulas.Typesetter.Typeset("a^2 + b^2 = c^2", display: true));
    }

    [Fact]
    public void AFormulaThatRunsOutOfTime_IsGivenUp_AndTheNextIsTypesetAsUsual()
    {
        var slow = string.Concat(Enumerable.Repeat("\\sqrt{\\frac{a}{b}}\\sum_{i=1}^n x_i^2 ", 60));
        var engines = new KatexEngines(TestFormulas.KatexScript, NullLogger<KatexEngines>.Instance) { Limit = TimeSpan.FromMilliseconds(1) };

        Assert.Null(engines.Render(slow, true));

        Assert.NotNull(TestFormulas.Typesetter.Typeset(slow, display: true)); // within the site's limit it is typeset
    }

    [Fact]
    public void AFormulaSeenBefore_IsNotTypesetAgain()
    {
        var typesetter = new FormulaTypesetter(new KatexEngines(TestFormulas.KatexScript, NullLogger<KatexEngines>.Instance));

        var first = typesetter.Typeset("\\sum_{j=1}^m a_j", display: false);

        Assert.Same(first, typesetter.Typeset("\\sum_{j=1}^m a_j", display: false));
        Assert.NotEqual(first, typesetter.Typeset("\\sum_{j=1}^m a_j", display: true));
    }
}
