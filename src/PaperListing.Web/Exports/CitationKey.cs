using System.Globalization;
using System.Text;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Exports;

/// <summary>
/// A citation key that is stable (made from content only) and unique (it ends with the paper's unique id):
/// first author's last name word, folded to ASCII letters, then the year, then the id: "neyshabur2017-abcdefghjk".
/// The last word is taken as the family name, since the source does not say which one is.
/// </summary>
public static class CitationKey
{
    public static string For(PaperCard paper)
    {
        var family = paper.Authors.Count > 0 ? Fold(paper.Authors[0].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "") : "";
        var year = paper.Published?.Year.ToString("D4", CultureInfo.InvariantCulture) ?? "nd";
        return $"{(family.Length > 0 ? family : "anon")}{year}-{paper.PublicId}";
    }

    private static string Fold(string name)
    {
        var folded = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetter(c))
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }
        return folded.ToString();
    }
}
