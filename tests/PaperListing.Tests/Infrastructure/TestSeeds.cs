using System.Globalization;
using System.Text;

namespace PaperListing.Tests.Infrastructure;

/// <summary>The real seed (copied from the repository's seeds/ at build) and synthetic dumps in the same format.</summary>
public static class TestSeeds
{
    public static string RealSeedPath => Path.Combine(AppContext.BaseDirectory, "Seeds", "000_bce9b05a2229622d.txt");

    /// <summary>A dump of <paramref name="count"/> papers titled <paramref name="title"/>, numbered from <paramref name="first"/>.</summary>
    public static string Dump(string title, int count, int first = 1, int? declaredTotal = null)
    {
        var text = new StringBuilder();
        text.Append("English\nRelated papers\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Related papers: {title}\n\n{declaredTotal ?? count} papers\n\n");
        for (var n = first; n < first + count; n++)
        {
            text.Append(Entry(n, title));
        }
        text.Append("‹ Prev 1 2 Next ›");
        return text.ToString();
    }

    public static string Entry(int n, string topic = "deep learning", string subjects = "Machine Learning · Computer Science", string? authors = null) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Paper {n} studies {topic} from a fresh angle, with experiments and a proof sketch…\n\n" +
            $"{subjects} 2020-01-{1 + (n % 28):00} {authors ?? $"Author {n} , Shared Author"}\n\n");
}
