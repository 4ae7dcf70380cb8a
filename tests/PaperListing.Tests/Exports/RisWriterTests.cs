using PaperListing.Web.Exports;
using PaperListing.Web.Papers;

namespace PaperListing.Tests.Exports;

/// <summary>The RIS record Zotero, EndNote and Mendeley import: exact text, CRLF line ends, inverted names, a supplied title marked as such.</summary>
public sealed class RisWriterTests
{
    [Fact]
    public void Write_UntitledPaper_IsExact()
    {
        var paper = new PaperCard(1, "abcdefghjk", null, "Deep nets & kernels: 50% less…", new DateOnly(2021, 3, 12),
            [new SubjectLink("Machine Learning", "machine-learning-in-computer-science", "Computer Science", "computer-science")],
            [new AuthorLink("Stéphane Ayache", "stephane-ayache"), new AuthorLink("Carbonnelle Simon", "carbonnelle-simon")]);

        var ris = RisWriter.Write(paper, "https://papers.example.org/papers/abcdefghjk/deep-nets-kernels-50-less");

        Assert.Equal(
            "TY  - MANSCPT\r\n" +
            "TI  - [Deep nets & kernels: 50% less…]\r\n" +
            "AU  - Ayache, Stéphane\r\n" +
            "AU  - Simon, Carbonnelle\r\n" +
            "PY  - 2021\r\n" +
            "DA  - 2021/03/12/\r\n" +
            "AB  - Deep nets & kernels: 50% less…\r\n" +
            "KW  - Machine Learning (Computer Science)\r\n" +
            "N1  - Title supplied from the first sentence of the abstract; the source gives none\r\n" +
            "UR  - https://papers.example.org/papers/abcdefghjk/deep-nets-kernels-50-less\r\n" +
            "ER  - \r\n",
            ris);
    }

    [Fact]
    public void Write_TitledPaper_HasTiAndNoNote()
    {
        var paper = new PaperCard(1, "abcdefghjk", "A Title", "Text\nover two lines.", null, [], []);

        var ris = RisWriter.Write(paper, "https://x.org/p");

        Assert.Contains("TI  - A Title\r\n", ris, StringComparison.Ordinal);
        Assert.Contains("AB  - Text over two lines.\r\n", ris, StringComparison.Ordinal);
        Assert.DoesNotContain("N1  -", ris, StringComparison.Ordinal);
        Assert.DoesNotContain("PY  -", ris, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Aristotle", "AU  - Aristotle,\r\n")]
    [InlineData("Martin Luther King Jr.", "AU  - King, Martin Luther, Jr.\r\n")]
    [InlineData("Ludwig van der Waals", "AU  - van der Waals, Ludwig\r\n")]
    public void Write_Names_AreFamilyCommaGiven(string name, string expected)
    {
        var paper = new PaperCard(1, "abcdefghjk", null, "Text.", null, [], [new AuthorLink(name, "slug")]);

        Assert.Contains(expected, RisWriter.Write(paper, "https://x.org/p"), StringComparison.Ordinal);
    }
}
