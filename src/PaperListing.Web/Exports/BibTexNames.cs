using PaperListing.Web.Papers;

namespace PaperListing.Web.Exports;

/// <summary>
/// An author field: names joined by "and", each inverted as BibTeX's "von Last, Jr, First" so that every reader
/// finds the family name where <see cref="PersonName"/> put it, without guessing from word order: a lower-case particle
/// is BibTeX's "von" part ("van der Waals, Ludwig"), a capitalised one part of the family name ("Van Rossum, Guido").
/// A part holding a comma or the word "and" is braced so that it stays one part.
/// </summary>
public static class BibTexNames
{
    public static string Field(IEnumerable<string> names) => string.Join(" and ", names.Select(Name));

    public static string Name(string name)
    {
        var person = PersonName.Of(name);
        var family = Part(person.Family);
        if (person.Given.Length == 0)
        {
            return family;
        }
        var given = Part(person.Given);
        return person.Suffix.Length == 0 ? $"{family}, {given}" : $"{family}, {Part(person.Suffix)}, {given}";
    }

    private static string Part(string part)
    {
        var escaped = BibTexText.Escape(part);
        return part.Contains(',', StringComparison.Ordinal) || $" {part} ".Contains(" and ", StringComparison.OrdinalIgnoreCase)
            ? $"{{{escaped}}}"
            : escaped;
    }
}
