using PaperListing.Web.Papers;

namespace PaperListing.Tests.Papers;

/// <summary>The rule that splits a name given as one string into family name, given names and suffix (README).</summary>
public sealed class PersonNameTests
{
    [Theory]
    [InlineData("Behnam Neyshabur", "Neyshabur", "Behnam", "")]
    [InlineData("Ludwig van der Waals", "van der Waals", "Ludwig", "")]
    [InlineData("José María de la Cruz", "de la Cruz", "José María", "")]
    [InlineData("Guido Van Rossum", "Van Rossum", "Guido", "")]
    [InlineData("Ursula K. Le Guin", "Le Guin", "Ursula K.", "")]
    [InlineData("Christophe De Vleeschouwer", "De Vleeschouwer", "Christophe", "")]
    [InlineData("Joseph H. Rudoler", "Rudoler", "Joseph H.", "")]
    [InlineData("Hung-Hsu Chou", "Chou", "Hung-Hsu", "")]
    [InlineData("Martin Luther King Jr.", "King", "Martin Luther", "Jr.")]
    [InlineData("Aristotle", "Aristotle", "", "")]
    [InlineData("山田 太郎", "山田", "太郎", "")]
    [InlineData("王小明", "王小明", "", "")]
    [InlineData("김 민준", "김", "민준", "")]
    [InlineData("Le Song", "Song", "Le", "")]
    [InlineData("Carbonnelle Simon", "Simon", "Carbonnelle", "")]
    public void Of_SplitsByTheSitesRule(string name, string family, string given, string suffix)
    {
        Assert.Equal(new PersonName(family, given, suffix), PersonName.Of(name));
    }

    [Theory]
    [InlineData("Ludwig van der Waals", "van der Waals, Ludwig")]
    [InlineData("Martin Luther King Jr.", "King, Martin Luther, Jr.")]
    [InlineData("Aristotle", "Aristotle")]
    public void Inverted_IsFamilyCommaGiven(string name, string inverted)
    {
        Assert.Equal(inverted, PersonName.Of(name).Inverted);
    }

    [Fact]
    public void InvertedSuffixLast_KeepsTheSuffixAfterTheGivenNames()
    {
        Assert.Equal("King, Martin Luther Jr.", PersonName.Of("Martin Luther King Jr.").InvertedSuffixLast);
    }
}
