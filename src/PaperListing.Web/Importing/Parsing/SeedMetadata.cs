using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperListing.Web.Importing.Parsing;

/// <summary>
/// The metadata line of an entry: "Category · Field [· Category · Field …] YYYY-MM-DD Author , Author".
/// </summary>
internal sealed partial record SeedMetadata(IReadOnlyList<SeedSubject> Subjects, DateOnly? Published, IReadOnlyList<string> Authors)
{
    private const int MaxLength = 2000;

    /// <summary>
    /// Longer author names are cut: no real name comes near, and an indexed name must fit an index entry on every
    /// database engine (PostgreSQL's hold about 2700 bytes; 200 characters are at most 800).
    /// </summary>
    public const int MaxAuthorLength = 200;

    /// <summary>Reads a metadata line, or returns null when the line is not one (then it is an abstract).</summary>
    public static SeedMetadata? TryParse(string line, int lineNumber, List<SeedDiagnostic> diagnostics)
    {
        if (line.Length > MaxLength || line.EndsWith('…'))
        {
            return null;
        }
        var match = MetadataLine().Match(line);
        if (!match.Success)
        {
            return null;
        }
        var subjectNames = match.Groups["subjects"].Value
            .Split('·', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (subjectNames.Any(name => !SubjectName().IsMatch(name)))
        {
            return null;
        }
        var subjects = new List<SeedSubject>();
        for (var i = 0; i < subjectNames.Length; i += 2)
        {
            if (i + 1 < subjectNames.Length)
            {
                subjects.Add(new SeedSubject(subjectNames[i], subjectNames[i + 1]));
            }
            else
            {
                diagnostics.Add(new SeedDiagnostic(lineNumber, $"subject \"{subjectNames[i]}\" has no field after it; kept with no field"));
                subjects.Add(new SeedSubject(subjectNames[i], ""));
            }
        }
        var dateText = match.Groups["date"].Value;
        var published = Date(dateText);
        if (published is null)
        {
            diagnostics.Add(new SeedDiagnostic(lineNumber, $"\"{dateText}\" is not a real date; entry kept without a date"));
        }
        var authors = match.Groups["authors"].Value
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => WhitespaceRun().Replace(name, " "))
            .Select(name => name.Length <= MaxAuthorLength ? name : CutAuthor(name, lineNumber, diagnostics))
            .ToList();
        if (authors.Count == 0)
        {
            diagnostics.Add(new SeedDiagnostic(lineNumber, "metadata line names no authors"));
        }
        return new SeedMetadata(subjects, published, authors);
    }

    /// <summary>
    /// The date of "yyyy-M-d" (the shape the line's pattern matched), or null when it is no real date or has other
    /// than ASCII digits. Read by hand: DateOnly.TryParseExact was a tenth of the parse, once per entry.
    /// </summary>
    private static DateOnly? Date(string text)
    {
        var parts = text.Split('-');
        if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return null;
        }
        return year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static string CutAuthor(string name, int lineNumber, List<SeedDiagnostic> diagnostics)
    {
        diagnostics.Add(new SeedDiagnostic(lineNumber, $"author name longer than {MaxAuthorLength} characters; cut"));
        var cut = char.IsHighSurrogate(name[MaxAuthorLength - 1]) ? MaxAuthorLength - 1 : MaxAuthorLength;
        return name[..cut].TrimEnd();
    }

    [GeneratedRegex(@"^(?:(?<subjects>[^\d…]{1,600}?)\s+)?(?<date>\d{4}-\d{1,2}-\d{1,2})(?:\s+(?<authors>.*))?$")]
    private static partial Regex MetadataLine();

    /// <summary>A subject name is short and reads like a name, not a sentence.</summary>
    [GeneratedRegex(@"^\p{Lu}[^.,;:!?()""“”]{0,79}$")]
    private static partial Regex SubjectName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
