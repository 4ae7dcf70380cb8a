using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperListing.Web.Importing.Parsing;

/// <summary>
/// Reads a "Related papers" dump (see seed-format.md). Pure and total: any bytes give a header (or a file error),
/// entries and diagnostics, never an exception. Entries are produced lazily, so a file of any size streams.
/// </summary>
public sealed partial class SeedFileParser
{
    private const string TitlePrefix = "Related papers:";
    private const int MaxHeaderLines = 12;

    private readonly List<SeedDiagnostic> _diagnostics = [];
    private readonly IEnumerator<(int Number, string Text)> _lines;
    private (int Number, string Text)? _pushedBack;

    private SeedFileParser(Stream stream)
    {
        _lines = new SeedLineReader(stream, _diagnostics).ReadLines().GetEnumerator();
        (Header, FileError) = ReadHeader();
    }

    /// <summary>The header; null when the file is not a dump.</summary>
    public SeedHeader? Header { get; }

    /// <summary>Why the whole file cannot be read as a dump, or null.</summary>
    public string? FileError { get; }

    /// <summary>What was noticed so far; complete once <see cref="ReadEntries"/> has been enumerated.</summary>
    public IReadOnlyList<SeedDiagnostic> Diagnostics => _diagnostics;

    /// <summary>Starts reading a dump: the header is read at once, the entries on demand.</summary>
    public static SeedFileParser Open(Stream stream) => new(stream);

    /// <summary>Parses a whole dump held in memory.</summary>
    public static SeedParseResult Parse(ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        var parser = Open(stream);
        var entries = parser.ReadEntries().ToList();
        return new SeedParseResult(parser.Header, parser.FileError, entries, parser.Diagnostics.ToList());
    }

    /// <summary>The entries after the header, in the file's order.</summary>
    public IEnumerable<SeedEntry> ReadEntries()
    {
        if (Header is null)
        {
            yield break;
        }
        (int Line, string Abstract)? pending = null;
        while (NextLine() is { } line)
        {
            var text = line.Text;
            if (text.Length == 0 || IsPager(text))
            {
                continue;
            }
            if (SeedMetadata.TryParse(text, line.Number, _diagnostics) is { } metadata)
            {
                if (pending is { } owner)
                {
                    yield return new SeedEntry(owner.Line, owner.Abstract, metadata.Subjects, metadata.Published, metadata.Authors);
                    pending = null;
                }
                else
                {
                    _diagnostics.Add(new SeedDiagnostic(line.Number, "metadata line without an abstract before it; skipped", SeedDiagnosticKind.EntrySkipped));
                }
                continue;
            }
            if (pending is { } previous)
            {
                _diagnostics.Add(new SeedDiagnostic(previous.Line, "entry has no metadata line; kept without subjects, date and authors"));
                yield return new SeedEntry(previous.Line, previous.Abstract, [], null, []);
            }
            pending = (line.Number, text);
        }
        if (pending is { } last)
        {
            _diagnostics.Add(new SeedDiagnostic(last.Line, "entry has no metadata line; kept without subjects, date and authors"));
            yield return new SeedEntry(last.Line, last.Abstract, [], null, []);
        }
    }

    private (SeedHeader? Header, string? Error) ReadHeader()
    {
        var seen = 0;
        var sawAnyText = false;
        while (seen < MaxHeaderLines && NextLine() is { } line)
        {
            if (line.Text.Length == 0)
            {
                continue;
            }
            sawAnyText = true;
            seen++;
            if (!line.Text.StartsWith(TitlePrefix, StringComparison.Ordinal))
            {
                continue;
            }
            var title = WhitespaceRun().Replace(line.Text[TitlePrefix.Length..].Trim(), " ");
            if (title.Length == 0)
            {
                return (null, $"line {line.Number}: \"{TitlePrefix}\" has no title");
            }
            return (new SeedHeader(title, ReadDeclaredTotal()), null);
        }
        return sawAnyText
            ? (null, $"not a \"Related papers\" dump: no \"{TitlePrefix} <title>\" line in its first {MaxHeaderLines} lines")
            : (null, "empty file");
    }

    private int? ReadDeclaredTotal()
    {
        while (NextLine() is { } line)
        {
            if (line.Text.Length == 0)
            {
                continue;
            }
            var match = DeclaredTotalLine().Match(line.Text);
            if (match.Success && int.TryParse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
            {
                return total;
            }
            _pushedBack = line;
            return null;
        }
        return null;
    }

    private (int Number, string Text)? NextLine()
    {
        if (_pushedBack is { } back)
        {
            _pushedBack = null;
            return back;
        }
        return _lines.MoveNext() ? (_lines.Current.Number, _lines.Current.Text.Trim()) : null;
    }

    private static bool IsPager(string text) =>
        (text.StartsWith('‹') || text.EndsWith('›')) && PagerLine().IsMatch(text);

    [GeneratedRegex(@"^([\d,]{1,13}) papers?$")]
    private static partial Regex DeclaredTotalLine();

    [GeneratedRegex(@"^(‹\s*Prev)?[\s\d…\.]*(Next\s*›)?$")]
    private static partial Regex PagerLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
