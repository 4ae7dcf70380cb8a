using PaperListing.Web.Papers;

namespace PaperListing.Tests.Papers;

/// <summary>Where an abstract's first sentence ends: the card's heading and the supplied title are made of it.</summary>
public sealed class FirstSentenceTests
{
    [Theory]
    [InlineData("We argue that it holds. We do this by B.", "We argue that it holds.", "We do this by B.")]
    [InlineData("Is it true? Yes, it is.", "Is it true?", "Yes, it is.")]
    [InlineData("We study \"complexity.\" Then more.", "We study \"complexity.\"", "Then more.")]
    [InlineData("Models (e.g. CNNs) fail. Next.", "Models (e.g. CNNs) fail.", "Next.")]
    [InlineData("As shown by Smith et al. and others, it holds. Next.", "As shown by Smith et al. and others, it holds.", "Next.")]
    [InlineData("Work by J. Smith shows it. Next.", "Work by J. Smith shows it.", "Next.")]
    [InlineData("A rate of $O(1/T). Hmm$ holds. Next.", "A rate of $O(1/T). Hmm$ holds.", "Next.")]
    [InlineData("It costs \\$0.02. Cheap. Yes.", "It costs \\$0.02.", "Cheap. Yes.")]
    [InlineData("Version 3.5 is out. Next.", "Version 3.5 is out.", "Next.")]
    [InlineData("A snippet cut by the source before its end…", "A snippet cut by the source before its end…", "")]
    [InlineData("", "", "")]
    public void Of_SplitsAfterTheFirstSentence(string text, string first, string rest)
    {
        var sentence = FirstSentence.Of(text);

        Assert.Equal(first, sentence.First);
        Assert.Equal(rest, sentence.Rest);
    }

    [Fact]
    public void Of_LosesNoText()
    {
        const string text = "We argue that the optimization plays a crucial role. We do this by demonstrating that generalization…";
        var sentence = FirstSentence.Of(text);

        Assert.Equal(text, sentence.First + " " + sentence.Rest);
    }
}
