using System.Globalization;

namespace PaperListing.SeedGenerator;

/// <summary>
/// A large pool of distinct author names (given name, an optional initial, family name), numbered so that a
/// number always names the same person; names are made on demand, so a pool of 400,000 costs no memory.
/// </summary>
internal sealed class AuthorPool(int count)
{
    private const string Initials = "ABCDEFGHJKLMNPRSTVW";

    public int Count { get; } = count;

    public string Name(int number)
    {
        // Scatter the numbers over the name space, so the busiest authors do not all share a family name.
        var space = (long)Vocabulary.GivenNames.Length * Vocabulary.FamilyNames.Length * (Initials.Length + 1);
        var n = (long)number * 7_368_787 % space;
        var given = Vocabulary.GivenNames[n % Vocabulary.GivenNames.Length];
        n /= Vocabulary.GivenNames.Length;
        var family = Vocabulary.FamilyNames[n % Vocabulary.FamilyNames.Length];
        var initial = (int)(n / Vocabulary.FamilyNames.Length);
        return initial == 0
            ? $"{given} {family}"
            : string.Create(CultureInfo.InvariantCulture, $"{given} {Initials[initial - 1]}. {family}");
    }
}
