using System.Text;
using PaperListing.Web.Importing.Parsing;

namespace PaperListing.Tests.Importing.Parsing;

/// <summary>The variants seed-format.md says other dumps may bring: each gives records and diagnostics, never an exception.</summary>
public sealed class SeedFileParserTests
{
    private const string Header = "English\nRelated papers\n\nRelated papers: Test Listing\n\n3 papers\n\n";
    private const string Abstract1 = "First abstract about implicit bias in deep networks, which we study at length…";
    private const string Abstract2 = "Second abstract about sharpness and generalization of overparameterized models…";
    private const string Meta1 = "Machine Learning · Computer Science 2020-10-20 Noam Razin , Nadav Cohen";
    private const string Meta2 = "Machine Learning · Statistics 2021-01-02 Max Schölpple";

    private static SeedParseResult Parse(string text) => SeedFileParser.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Parse_WellFormedDump_ReadsEveryEntry()
    {
        var result = Parse($"{Header}{Abstract1}\n\n{Meta1}\n\n{Abstract2}\n\n{Meta2}\n‹ Prev 1 Next ›");

        Assert.Equal(new SeedHeader("Test Listing", 3), result.Header);
        Assert.Equal(2, result.Entries.Count);
        Assert.Equal(["Noam Razin", "Nadav Cohen"], result.Entries[0].Authors);
        Assert.Equal(new DateOnly(2021, 1, 2), result.Entries[1].Published);
        Assert.Equal([new SeedSubject("Machine Learning", "Statistics")], result.Entries[1].Subjects);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Parse_CrlfBomAndTrailingSpaces_ReadLikeThePlainFile()
    {
        var plain = Parse($"{Header}{Abstract1}\n\n{Meta1}\n\n{Abstract2}\n\n{Meta2}");
        var text = $"{Header}{Abstract1}   \n\n{Meta1} \t\n\n{Abstract2}\n\n{Meta2}  ".Replace("\n", "\r\n", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var messy = SeedFileParser.Parse(bytes);

        Assert.Equal(plain.Header, messy.Header);
        Assert.Equal(plain.Entries.Select(Describe), messy.Entries.Select(Describe));
        Assert.Empty(messy.Diagnostics);
    }

    [Fact]
    public void Parse_ExtraBlankLines_AreIgnored()
    {
        var result = Parse($"\n\n{Header}\n\n\n{Abstract1}\n\n\n\n{Meta1}\n\n\n\n\n{Abstract2}\n{Meta2}\n\n\n");

        Assert.Equal(2, result.Entries.Count);
        Assert.All(result.Entries, e => Assert.NotNull(e.Published));
    }

    [Fact]
    public void Parse_PlainCommaBetweenAuthors_SplitsAuthors()
    {
        var result = Parse($"{Header}{Abstract1}\n\nMachine Learning · Computer Science 2020-10-20 Noam Razin, Nadav Cohen,Hung-Hsu Chou");

        Assert.Equal(["Noam Razin", "Nadav Cohen", "Hung-Hsu Chou"], Assert.Single(result.Entries).Authors);
    }

    [Fact]
    public void Parse_MissingMetadataLine_KeepsTheEntryAndSaysWhere()
    {
        var result = Parse($"{Header}{Abstract1}\n\n{Abstract2}\n\n{Meta2}");

        Assert.Equal(2, result.Entries.Count);
        Assert.Empty(result.Entries[0].Authors);
        Assert.Null(result.Entries[0].Published);
        Assert.Equal("Max Schölpple", Assert.Single(result.Entries[1].Authors));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(8, diagnostic.Line);
        Assert.Contains("no metadata line", diagnostic.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreSubjects_KeepsEveryPairInOrder()
    {
        var result = Parse($"{Header}{Abstract1}\n\nMachine Learning · Computer Science · Machine Learning · Statistics · Optimization and Control · Mathematics 2020-10-20 Noam Razin");

        Assert.Equal(
            [new SeedSubject("Machine Learning", "Computer Science"), new SeedSubject("Machine Learning", "Statistics"), new SeedSubject("Optimization and Control", "Mathematics")],
            Assert.Single(result.Entries).Subjects);
    }

    [Fact]
    public void Parse_OddSubjectOut_IsKeptWithoutFieldAndReported()
    {
        var result = Parse($"{Header}{Abstract1}\n\nMachine Learning · Computer Science · Robotics 2020-10-20 Noam Razin");

        Assert.Equal(new SeedSubject("Robotics", ""), Assert.Single(result.Entries).Subjects[1]);
        Assert.Contains(result.Diagnostics, d => d.Line == 10 && d.Reason.Contains("Robotics", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NoAuthors_KeepsSubjectsAndDateAndSaysSo()
    {
        var result = Parse($"{Header}{Abstract1}\n\nMachine Learning · Computer Science 2020-10-20");

        var entry = Assert.Single(result.Entries);
        Assert.Empty(entry.Authors);
        Assert.Equal(new DateOnly(2020, 10, 20), entry.Published);
        Assert.Contains(result.Diagnostics, d => d.Line == 10 && d.Reason.Contains("no authors", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("2021-1-2", 2021, 1, 2)]
    [InlineData("2021-01-09", 2021, 1, 9)]
    [InlineData("0001-12-31", 1, 12, 31)]
    public void Parse_Date_KeepsIt(string date, int year, int month, int day)
    {
        var result = Parse($"{Header}{Abstract1}\n\nMachine Learning · Computer Science {date} Noam Razin");

        Assert.Equal(new DateOnly(year, month, day), Assert.Single(result.Entries).Published);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("2021-02-30")]
    [InlineData("2021-13-01")]
    [InlineData("0000-00-00")]
    [InlineData("2023-02-29")]
    [InlineData("2021-0-10")]
    [InlineData("٢٠٢١-٠١-٠٢")]
    public void Parse_ImpossibleDate_KeepsTheEntryWithoutADate(string date)
    {
        var result = Parse($"{Header}{Abstract1}\n\nMachine Learning · Computer Science {date} Noam Razin");

        var entry = Assert.Single(result.Entries);
        Assert.Null(entry.Published);
        Assert.Equal(["Noam Razin"], entry.Authors);
        Assert.Contains(result.Diagnostics, d => d.Line == 10 && d.Reason.Contains(date, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NonUtf8Line_IsReadAsLatin1AndReported()
    {
        var bytes = Encoding.UTF8.GetBytes($"{Header}{Abstract1}\n\nMachine Learning · Computer Science 2020-10-20 Max Sch")
            .Concat(new byte[] { 0xF6 }).Concat(Encoding.UTF8.GetBytes("lpple")).ToArray();

        var result = SeedFileParser.Parse(bytes);

        Assert.Equal(["Max Schölpple"], Assert.Single(result.Entries).Authors);
        Assert.Contains(result.Diagnostics, d => d.Line == 10 && d.Reason.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EmptyFile_IsAFileError()
    {
        var result = SeedFileParser.Parse([]);

        Assert.Null(result.Header);
        Assert.Equal("empty file", result.FileError);
        Assert.Empty(result.Entries);
    }

    [Theory]
    [InlineData("just some notes\nnothing to see here\n")]
    [InlineData("{\"json\": true}")]
    [InlineData("Related papers:   \n\nabstract…")]
    public void Parse_NotADump_IsAFileError(string text)
    {
        var result = Parse(text);

        Assert.Null(result.Header);
        Assert.NotNull(result.FileError);
        Assert.Empty(result.Entries);
    }

    [Fact]
    public void Parse_BinaryGarbage_GivesAResultNotAnException()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 4000)];
            random.NextBytes(bytes);

            var result = SeedFileParser.Parse(bytes);

            Assert.True(result.Header is not null || result.FileError is not null);
        }
    }

    [Fact]
    public void Parse_MetadataWithoutAbstract_IsSkippedAndReported()
    {
        var result = Parse($"{Header}{Meta1}\n\n{Abstract2}\n\n{Meta2}");

        Assert.Single(result.Entries);
        Assert.Contains(result.Diagnostics, d => d.Line == 8 && d.Reason.EndsWith("skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AbstractMentioningADate_IsNotTakenForMetadata()
    {
        var tricky = "In 2019-05-10 experiments, we showed that sharpness does not predict generalization…";

        var result = Parse($"{Header}{tricky}\n\n{Meta1}");

        var entry = Assert.Single(result.Entries);
        Assert.Equal(tricky, entry.Abstract);
        Assert.Equal(["Noam Razin", "Nadav Cohen"], entry.Authors);
    }

    [Fact]
    public void Parse_NoDeclaredTotal_LeavesItUnknown()
    {
        var result = Parse($"Related papers: Bare\n{Abstract1}\n{Meta1}");

        Assert.Equal(new SeedHeader("Bare", null), result.Header);
        Assert.Single(result.Entries);
    }

    [Fact]
    public void Parse_GiantLine_IsCutAndReported()
    {
        var giant = new string('x', SeedLineReaderLimit + 10) + "…";

        var result = Parse($"{Header}{giant}\n\n{Meta1}");

        Assert.True(Assert.Single(result.Entries).Abstract.Length <= SeedLineReaderLimit);
        Assert.Contains(result.Diagnostics, d => d.Reason.Contains("longer than", StringComparison.Ordinal));
    }

    private const int SeedLineReaderLimit = 64 * 1024;

    private static string Describe(SeedEntry e) =>
        $"{e.Abstract}|{string.Join(";", e.Subjects)}|{e.Published}|{string.Join(";", e.Authors)}";
}
