using PaperListing.SeedGenerator;
using PaperListing.Web.Importing.Parsing;

namespace PaperListing.Tests.SeedGenerator;

/// <summary>The synthetic seeds used by the benchmark are real dumps: the parser reads them without a word of complaint.</summary>
public sealed class SyntheticSeedsTests
{
    private static (string Folder, IReadOnlyList<string> Files) Write(SyntheticSeedOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("paperlisting-gen-").FullName;
        return (folder, new SyntheticSeeds(options).WriteTo(folder));
    }

    [Fact]
    public void Generate_ParsesWithNoDiagnosticsAndTheExpectedCounts()
    {
        var (folder, files) = Write(new SyntheticSeedOptions(Papers: 2_345, PapersPerFile: 500, Listings: 2));
        try
        {
            var parsed = files.Select(f => SeedFileParser.Parse(File.ReadAllBytes(f))).ToList();

            Assert.Equal(6, files.Count);
            Assert.All(parsed, p => Assert.Empty(p.Diagnostics));
            Assert.All(parsed, p => Assert.NotNull(p.Header));
            Assert.Equal(2_345, parsed.Sum(p => p.Entries.Count));
            Assert.Equal(2, parsed.Select(p => p.Header!.Title).Distinct().Count());
            Assert.Equal([1_173, 1_172], parsed.GroupBy(p => p.Header!.Title).Select(g => g.First().Header!.DeclaredTotal!.Value));
            var entries = parsed.SelectMany(p => p.Entries).ToList();
            Assert.All(entries, e => Assert.InRange(e.Authors.Count, 1, 8));
            Assert.All(entries, e => Assert.EndsWith("…", e.Abstract, StringComparison.Ordinal));
            Assert.All(entries, e => Assert.InRange(e.Abstract.Length, 200, 241));
            Assert.All(entries, e => Assert.InRange(e.Published!.Value.Year, 2016, 2026));
            Assert.Contains(entries, e => e.Authors.Any(a => a.Any(c => c > 127)));
            Assert.True(entries.SelectMany(e => e.Authors).Distinct().Count() < entries.Sum(e => e.Authors.Count) / 2, "authors recur");
            Assert.True(entries.SelectMany(e => e.Subjects).Distinct().Count() >= 24, "dozens of categories");
            Assert.True(entries.SelectMany(e => e.Subjects).Select(s => s.Field).Distinct().Count() >= 5, "several fields");
            Assert.Equal(entries.Count, entries.Select(e => e.Abstract).Distinct().Count());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Generate_SameSeed_SameBytes_OtherSeed_OtherBytes()
    {
        var (a, filesA) = Write(new SyntheticSeedOptions(Papers: 300, Seed: 7, PapersPerFile: 100));
        var (b, filesB) = Write(new SyntheticSeedOptions(Papers: 300, Seed: 7, PapersPerFile: 100));
        var (c, filesC) = Write(new SyntheticSeedOptions(Papers: 300, Seed: 8, PapersPerFile: 100));
        try
        {
            Assert.Equal(filesA.Select(Path.GetFileName), filesB.Select(Path.GetFileName));
            Assert.Equal(filesA.Select(File.ReadAllBytes), filesB.Select(File.ReadAllBytes));
            Assert.NotEqual(File.ReadAllBytes(filesA[0]), File.ReadAllBytes(filesC[0]));
        }
        finally
        {
            foreach (var folder in new[] { a, b, c })
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
