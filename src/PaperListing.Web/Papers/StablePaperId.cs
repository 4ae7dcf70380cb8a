using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PaperListing.Web.Papers;

/// <summary>
/// A paper's address, derived from its content alone (normalised abstract, date and first author), so the same
/// seeds give the same addresses on every rebuild, machine and database. Written in lower-case Crockford base32.
/// </summary>
public static class StablePaperId
{
    public const int ShortLength = 10;
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>The SHA-256 of the paper's content key, as hex: equal for the same paper, whatever the file.</summary>
    public static string ContentHash(string @abstract, DateOnly? published, string? firstAuthor)
    {
        var key = string.Join('\n',
            Normalize(@abstract),
            published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            Normalize(firstAuthor ?? ""));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>
    /// The address for a content hash: its first <paramref name="length"/> base32 digits. Two different papers
    /// whose short forms collide are told apart by taking longer forms (see the importer), deterministically for
    /// the same seeds.
    /// </summary>
    public static string FromContentHash(string contentHash, int length = ShortLength)
    {
        var bytes = Convert.FromHexString(contentHash);
        var text = new StringBuilder(length);
        int buffer = 0, bits = 0, index = 0;
        while (text.Length < length && (index < bytes.Length || bits > 0))
        {
            if (bits < 5)
            {
                buffer = (buffer << 8) | (index < bytes.Length ? bytes[index] : 0);
                index++;
                bits += 8;
            }
            text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
        return text.ToString();
    }

    /// <summary>The value of one address digit, or -1 for a character that is not one.</summary>
    public static int DigitValue(char c) => Alphabet.IndexOf(c, StringComparison.Ordinal);

    private static string Normalize(string text) =>
        string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToLowerInvariant();
}
