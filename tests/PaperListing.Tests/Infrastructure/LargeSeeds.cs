using System.Globalization;
using System.Text;

namespace PaperListing.Tests.Infrastructure;

/// <summary>A large seeds folder, cheap to write: listings split over many files, papers with one to three authors.</summary>
public static class LargeSeeds
{
    /// <summary>Writes the files and returns how many papers each holds, by file name.</summary>
    public static IReadOnlyDictionary<string, int> Write(string folder, int files, int listings, int papersPerFile, int seed = 7)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        for (var f = 0; f < files; f++)
        {
            var count = papersPerFile / 2 + random.Next(papersPerFile);
            var title = $"Large Listing {f % listings}";
            var text = new StringBuilder(count * 200);
            text.Append(CultureInfo.InvariantCulture, $"English\n\nRelated papers\n\nRelated papers: {title}\n\n{count * files} papers\n\n");
            for (var i = 0; i < count; i++, n++)
            {
                var authors = string.Join(" , ", Enumerable.Range(0, 1 + n % 3).Select(a => $"Author {(n * 7 + a * 13) % 20_000}"));
                text.Append(CultureInfo.InvariantCulture,
                    $"Paper {n} revisits implicit regularization, topic {n % 997}, with new bounds and experiments…\n\n" +
                    $"Machine Learning · {(n % 5 == 0 ? "Statistics" : "Computer Science")} {2017 + n % 9}-{1 + n % 12:00}-{1 + n % 28:00} {authors}\n\n");
            }
            var name = $"{f:0000}_large.txt";
            File.WriteAllText(Path.Combine(folder, name), text.ToString());
            counts[name] = count;
        }
        return counts;
    }
}
