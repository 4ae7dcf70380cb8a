using System.Globalization;
using System.Text;

namespace PaperListing.Web.Papers;

/// <summary>Readable URL segments: "Stéphane Ayache" becomes "stephane-ayache"; letters of any script are kept.</summary>
public static class Slug
{
    public static string From(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (pendingDash && slug.Length > 0)
                {
                    slug.Append('-');
                }
                pendingDash = false;
                slug.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingDash = true;
            }
            if (slug.Length >= 80)
            {
                break;
            }
        }
        var result = slug.ToString().Normalize(NormalizationForm.FormC);
        return result.Length == 0 ? "untitled" : result;
    }

    /// <summary>A slug made unique by a short suffix drawn from the exact text, for the rare texts that share one.</summary>
    public static string Disambiguated(string text) =>
        $"{From(text)}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..6]}";
}
