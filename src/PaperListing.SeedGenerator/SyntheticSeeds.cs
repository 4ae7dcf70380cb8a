using System.Globalization;
using System.Text;

namespace PaperListing.SeedGenerator;

/// <summary>How many synthetic papers to write, and how they are cut into listings and files.</summary>
public sealed record SyntheticSeedOptions(int Papers, int Seed = 1, int PapersPerFile = 2000, int Listings = 1);

/// <summary>
/// Writes synthetic "Related papers" dumps in the exact seed format: ~240-character abstracts cut with "…",
/// 1–8 authors drawn with reuse from a large pool (a few of them on very many papers), subjects from several fields,
/// dates over ten years. The same options always give the same bytes; files are written one entry at a time.
/// </summary>
public sealed class SyntheticSeeds(SyntheticSeedOptions options)
{
    private const int AbstractLength = 240;
    private readonly DeterministicRandom _random = new((ulong)options.Seed * 0x2545F4914F6CDD1DUL + 1);
    private readonly AuthorPool _authors = new(Math.Clamp(options.Papers / 4, 50, 400_000));
    private readonly (string Category, string Field)[] _subjects =
        Vocabulary.Fields.SelectMany(f => f.Categories.Select(c => (c, f.Field))).ToArray();

    /// <summary>Writes every file into <paramref name="folder"/>; returns their paths in file-name order.</summary>
    public IReadOnlyList<string> WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        var listings = Math.Clamp(options.Listings, 1, Math.Max(1, options.Papers));
        var perFile = Math.Max(1, options.PapersPerFile);
        for (var listing = 0; listing < listings; listing++)
        {
            var size = options.Papers / listings + (listing < options.Papers % listings ? 1 : 0);
            var title = Title(listing);
            var files = Math.Max(1, (size + perFile - 1) / perFile);
            for (var file = 0; file < files; file++)
            {
                var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{options.Seed:000}-{listing:000}-{file:000000}.txt"));
                WriteFile(path, title, size, Math.Min(perFile, size - file * perFile));
                paths.Add(path);
            }
        }
        return paths;
    }

    private string Title(int listing) => listing == 0
        ? "Implicit Regularization in Deep Learning"
        : string.Create(CultureInfo.InvariantCulture, $"{Capitalised(_random.Pick(Vocabulary.Words))} {_random.Pick(Vocabulary.Words)} {_random.Pick(Vocabulary.Words)} {listing}");

    private void WriteFile(string path, string title, int declaredTotal, int entries)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        writer.NewLine = "\n";
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"English\nRelated papers\n\nRelated papers: {title}\n\n{declaredTotal:N0} papers\n\n"));
        var line = new StringBuilder(512);
        for (var i = 0; i < entries; i++)
        {
            line.Clear();
            AppendAbstract(line);
            line.Append("\n\n");
            AppendMetadata(line);
            line.Append("\n\n");
            writer.Write(line);
        }
        var pages = Math.Max(1, (declaredTotal + 19) / 20);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"‹ Prev 1 2 3 {pages} Next ›"));
    }

    private void AppendAbstract(StringBuilder line)
    {
        var start = line.Length;
        line.Append(_random.Pick(Vocabulary.Openings));
        while (line.Length - start < AbstractLength)
        {
            line.Append(' ').Append(_random.Pick(Vocabulary.Words));
            if (_random.Next(9) == 0)
            {
                line.Append(_random.Next(3) == 0 ? ", " : ". ").Append(Capitalised(_random.Pick(Vocabulary.Words)));
            }
        }
        // Cut at the last word that fits, as the source does, and mark the cut.
        var cut = line.ToString(start, AbstractLength).LastIndexOf(' ');
        line.Length = start + cut;
        while (line[^1] is ',' or '.')
        {
            line.Length--;
        }
        line.Append('…');
    }

    private void AppendMetadata(StringBuilder line)
    {
        var subjects = 1 + _random.NextSkewed(3, 2);
        var primary = _random.NextSkewed(_subjects.Length, 2.5);
        for (var i = 0; i < subjects; i++)
        {
            var (category, field) = _subjects[i == 0 ? primary : (primary + 1 + _random.Next(_subjects.Length - 1)) % _subjects.Length];
            line.Append(i == 0 ? "" : " · ").Append(category).Append(" · ").Append(field);
        }
        var date = new DateOnly(2016, 1, 1).AddDays(_random.Next(3653));
        line.Append(' ').Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(' ');
        var count = 1 + _random.NextSkewed(8, 1.6);
        Span<int> chosen = stackalloc int[8];
        for (var i = 0; i < count; i++)
        {
            int author;
            do
            {
                author = _random.NextSkewed(_authors.Count, 3);
            }
            while (chosen[..i].Contains(author));
            chosen[i] = author;
            line.Append(i == 0 ? "" : " , ").Append(_authors.Name(author));
        }
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
