using PaperListing.Web.Exports;
using PaperListing.Web.Papers;

namespace PaperListing.Tests.Exports;

/// <summary>The RIS record Zotero, EndNote and Mendeley import: exact text, CRLF line ends, no invented title.</summary>
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
            "TY  - GEN\r\n" +
            "ID  - ayache2021-abcdefghjk\r\n" +
            "AU  - Stéphane Ayache\r\n" +
            "AU  - Carbonnelle Simon\r\n" +
            "PY  - 2021\r\n" +
            "DA  - 2021/03/12/\r\n" +
            "AB  - Deep nets & kernels: 50% less…\r\n" +
            "KW  - Machine Learning (Computer Science)\r\n" +
            "N1  - No title in the source; abstract begins “Deep nets & kernels: 50% less…”\r\n" +
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
}
