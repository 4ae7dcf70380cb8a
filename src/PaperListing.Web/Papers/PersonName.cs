namespace PaperListing.Web.Papers;

/// <summary>
/// An author's name split into family name, given names and suffix, for reference managers, which file people by
/// family name. The source gives each name as one string, so the split is a rule, not knowledge (README, "Reference
/// managers"): the last word is the family name, together with the particles just before it (van der Waals, de la
/// Cruz, Van Rossum, Le Guin) while a given name is left; a trailing Jr./Sr./II/III/IV is the suffix; a name in a
/// CJK script is written family name first; a single word (Aristotle, 王小明) is a family name alone.
/// </summary>
public sealed record PersonName(string Family, string Given, string Suffix)
{
    /// <summary>Words that join the family name when they stand just before it, in any letter case.</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "von", "der", "den", "de", "del", "della", "delle", "dei", "degli", "di", "da", "das", "dos", "do", "du",
        "la", "le", "lo", "ten", "ter", "te", "zu", "zum", "zur", "af", "av", "bin", "ibn", "al", "el",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase) { "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV" };

    /// <summary>The whole name as the source gives it: given names, family name, suffix.</summary>
    public static PersonName Of(string name)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 1)
        {
            return new PersonName(words.Length == 1 ? words[0] : "", "", "");
        }
        if (words.Any(IsCjk))
        {
            return new PersonName(words[0], string.Join(' ', words[1..]), "");
        }
        var suffix = "";
        var end = words.Length;
        if (end >= 3 && Suffixes.Contains(words[^1]))
        {
            suffix = words[^1];
            end--;
        }
        var start = end - 1;
        while (start > 1 && Particles.Contains(words[start - 1]))
        {
            start--;
        }
        return new PersonName(string.Join(' ', words[start..end]), string.Join(' ', words[..start]), suffix);
    }

    /// <summary>"Family, Given, Suffix": RIS's inverted form, split at the commas by its readers.</summary>
    public string Inverted => Given.Length == 0 ? Family : Suffix.Length == 0 ? $"{Family}, {Given}" : $"{Family}, {Given}, {Suffix}";

    /// <summary>
    /// "Family, Given Suffix", for Highwire tags and COinS: Zotero splits such a name at its first comma and keeps only
    /// the part after the next one, so a ", Jr." of its own would be lost.
    /// </summary>
    public string InvertedSuffixLast => Given.Length == 0 ? Family : Suffix.Length == 0 ? $"{Family}, {Given}" : $"{Family}, {Given} {Suffix}";

    /// <summary>Han, kana and Hangul: scripts whose names are written family name first.</summary>
    private static bool IsCjk(string word) => word.Any(c =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF') or (>= '\u1100' and <= '\u11FF'));
}
