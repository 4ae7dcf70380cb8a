namespace PaperListing.Web.Importing.Parsing;

/// <summary>The header of a dump: "Related papers: {Title}" and the total the source declares.</summary>
public sealed record SeedHeader(string Title, int? DeclaredTotal);

/// <summary>A category and the field it belongs to, e.g. "Machine Learning" in "Computer Science".</summary>
public sealed record SeedSubject(string Category, string Field);

/// <summary>One paper of a dump. <paramref name="Line"/> is the line of its abstract (1-based).</summary>
public sealed record SeedEntry(
    int Line,
    string Abstract,
    IReadOnlyList<SeedSubject> Subjects,
    DateOnly? Published,
    IReadOnlyList<string> Authors);

/// <summary>What a diagnostic means for the import: an entry left out, or something kept as well as it could be.</summary>
public enum SeedDiagnosticKind
{
    /// <summary>The entry (or the line) is kept, perhaps with less in it: a date, a field, the rest of a line.</summary>
    Warning,

    /// <summary>The line is no entry and is left out (counted as a skipped entry in the import's summary).</summary>
    EntrySkipped,
}

/// <summary>Something the parser noticed: the line it is about (0 for the whole file), why, and what it means for the entry.</summary>
public sealed record SeedDiagnostic(int Line, string Reason, SeedDiagnosticKind Kind = SeedDiagnosticKind.Warning)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Reason}" : Reason;
}

/// <summary>A whole file, parsed: the header (null when the file is not a dump), its entries and what was noticed.</summary>
public sealed record SeedParseResult(
    SeedHeader? Header,
    string? FileError,
    IReadOnlyList<SeedEntry> Entries,
    IReadOnlyList<SeedDiagnostic> Diagnostics);
