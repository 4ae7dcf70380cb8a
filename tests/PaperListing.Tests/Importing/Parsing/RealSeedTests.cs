using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Importing.Parsing;

namespace PaperListing.Tests.Importing.Parsing;

/// <summary>The parser on the real seed: every entry, exactly as the file shows it.</summary>
public sealed class RealSeedTests
{
    public sealed record Expected(int Line, string AbstractStart, string? Subjects, string? Date, string[] Authors);

    private static readonly Expected[] Entries =
    [
        new(8, "We argue that the optimization plays a c", "Machine Learning · Computer Science", "2017-05-10", ["Behnam Neyshabur", "Ryota Tomioka", "Ruslan Salakhutdinov", "Nathan Srebro"]),
        new(12, "Mathematically characterizing the implic", "Machine Learning · Computer Science", "2020-10-20", ["Noam Razin", "Nadav Cohen"]),
        new(16, "Efforts to understand the generalization", "Machine Learning · Computer Science", "2019-10-29", ["Sanjeev Arora", "Nadav Cohen", "Wei Hu", "Yuping Luo"]),
        new(20, "Several works have shown that the regula", "Machine Learning · Computer Science", "2021-03-12", ["Carbonnelle Simon", "Christophe De Vleeschouwer"]),
        new(24, "From the statistical learning perspectiv", "Machine Learning · Computer Science", "2021-02-09", ["Taejong Joo", "Uijung Chung"]),
        new(28, "Works on implicit regularization have st", "Machine Learning · Computer Science", "2023-06-02", ["Dan Zhao"]),
        new(32, "Deep learning systems are known to exhib", "Machine Learning · Statistics", "2026-05-08", ["Joseph H. Rudoler", "Kevin Tan", "Giles Hooker", "Konrad P. Kording"]),
        new(36, "Gradient-based deep-learning algorithms ", "Machine Learning · Computer Science", "2022-11-08", ["Gal Vardi"]),
        new(40, "Modern deep learning models generalize r", "Machine Learning · Computer Science", "2026-03-17", ["Jonathan Wenger", "Beau Coker", "Juraj Marusic", "John P. Cunningham"]),
        new(44, "We approach the problem of implicit regu", null, null, []),
        new(46, "Over-parameterized neural networks gener", "Machine Learning · Computer Science", "2019-03-07", ["Masayoshi Kubo", "Ryotaro Banno", "Hidetaka Manabe", "Masataka Minoji"]),
        new(50, "Recent efforts to unravel the mystery of", "Machine Learning · Computer Science", "2021-06-10", ["Noam Razin", "Asaf Maman", "Nadav Cohen"]),
        new(54, "Data augmentation is used in machine lea", "Machine Learning · Computer Science", "2022-03-08", ["Aleksander Botev", "Matthias Bauer", "Soham De"]),
        new(58, "In many contexts, simpler models are pre", "Machine Learning · Computer Science", "2022-12-27", ["Benoit Dherin", "Michael Munn", "Mihaela Rosca", "David G. T. Barrett"]),
        new(62, "We study the implicit regularization eff", "Machine Learning · Computer Science", "2022-07-27", ["Kais Hariz", "Hachem Kadri", "Stéphane Ayache", "Maher Moakher", "Thierry Artières"]),
        new(66, "A widely believed explanation for the re", "Machine Learning · Computer Science", "2025-12-19", ["Maria Matveev", "Vit Fojtik", "Hung-Hsu Chou", "Gitta Kutyniok", "Johannes Maly"]),
        new(70, "We introduce a general framework for ana", "Machine Learning · Statistics", "2026-03-19", ["Max Schölpple", "Liu Fanghui", "Ingo Steinwart"]),
        new(74, "With a goal of understanding what drives", "Machine Learning · Computer Science", "2017-07-07", ["Behnam Neyshabur", "Srinadh Bhojanapalli", "David McAllester", "Nathan Srebro"]),
        new(78, "The notion of implicit bias, or implicit", "Machine Learning · Computer Science", "2020-12-23", ["Assaf Dauber", "Meir Feder", "Tomer Koren", "Roi Livni"]),
        new(82, "In the pursuit of explaining implicit re", "Machine Learning · Computer Science", "2022-09-20", ["Noam Razin", "Asaf Maman", "Nadav Cohen"]),
    ];

    private static SeedParseResult Parse() => SeedFileParser.Parse(File.ReadAllBytes(TestSeeds.RealSeedPath));

    [Fact]
    public void Parse_RealSeed_ReadsTitleAndDeclaredTotal()
    {
        var result = Parse();

        Assert.Null(result.FileError);
        Assert.Equal(new SeedHeader("Implicit Regularization in Deep Learning", 200), result.Header);
    }

    [Fact]
    public void Parse_RealSeed_Has20EntriesOf19WithMetadata()
    {
        var result = Parse();

        Assert.Equal(20, result.Entries.Count);
        Assert.Equal(19, result.Entries.Count(e => e.Published is not null));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(44, diagnostic.Line);
        Assert.Contains("no metadata line", diagnostic.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RealSeed_EveryEntryHasItsExactAuthorsSubjectsAndDate()
    {
        var result = Parse();

        Assert.Equal(Entries.Length, result.Entries.Count);
        for (var i = 0; i < Entries.Length; i++)
        {
            var expected = Entries[i];
            var actual = result.Entries[i];
            Assert.Equal(expected.Line, actual.Line);
            Assert.StartsWith(expected.AbstractStart, actual.Abstract, StringComparison.Ordinal);
            Assert.EndsWith("…", actual.Abstract, StringComparison.Ordinal);
            Assert.Equal(expected.Subjects, actual.Subjects.Count == 0 ? null : string.Join(" · ", actual.Subjects.Select(s => $"{s.Category} · {s.Field}")));
            Assert.Equal(expected.Date, actual.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected.Authors, actual.Authors);
        }
    }

    [Fact]
    public void Parse_RealSeed_KeepsTheTwoMachineLearningCategoriesApart()
    {
        var subjects = Parse().Entries.SelectMany(e => e.Subjects).Distinct().ToList();

        Assert.Equal(
            [new SeedSubject("Machine Learning", "Computer Science"), new SeedSubject("Machine Learning", "Statistics")],
            subjects.OrderBy(s => s.Field, StringComparer.Ordinal));
    }
}
