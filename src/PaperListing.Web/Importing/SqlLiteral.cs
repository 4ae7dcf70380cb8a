using System.Globalization;

namespace PaperListing.Web.Importing;

/// <summary>
/// Values the import computed itself, written into SQL text: whole numbers, and tokens made only of ASCII letters,
/// digits and '-' (addresses, hashes, ISO dates). Anything else is refused, so nothing from a seed file gets in this way.
/// </summary>
internal static class SqlLiteral
{
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Token(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                throw new ArgumentException($"\"{text}\" is not a plain token", nameof(text));
            }
        }
        return $"'{text}'";
    }

    public static string Date(DateOnly? date) =>
        date is { } d ? Token(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : "NULL";
}
