using PaperListing.Web.Papers;

namespace PaperListing.Tests.Papers;

/// <summary>The title reference managers get: the source's as is, or the abstract's first sentence in brackets.</summary>
public sealed class CitationTitleTests
{
    [Fact]
    public void Of_UntitledPaper_IsTheFirstSentenceInBrackets()
    {
        var title = CitationTitle.Of(null, "We argue that optimization matters, e.g. for SGD. We show it.");

        Assert.Equal(new CitationTitle("[We argue that optimization matters, e.g. for SGD.]", true), title);
    }

    [Fact]
    public void Of_VeryLongFirstSentence_IsCutAtAWord()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("regularization", 30)) + ".";

        var title = CitationTitle.Of(null, sentence + " Next.");

        Assert.StartsWith("[regularization regularization", title.Text, StringComparison.Ordinal);
        Assert.EndsWith("regularization…]", title.Text, StringComparison.Ordinal);
        Assert.True(title.Text.Length <= CitationTitle.MaxSentenceLength + 3, title.Text);
    }

    [Fact]
    public void Of_RealTitle_IsKeptAsIs()
    {
        Assert.Equal(new CitationTitle("Notes on the Analytical Engine", false), CitationTitle.Of(" Notes on the Analytical Engine ", "Text."));
    }
}
