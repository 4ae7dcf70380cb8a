using System.Text;
using System.Text.Unicode;

namespace PaperListing.Web.Importing.Parsing;

/// <summary>
/// Reads a stream line by line, whatever its bytes: LF or CRLF, an optional BOM, UTF-8 or not
/// (a line that is not valid UTF-8 is read as Latin-1 and reported), giant lines cut at a limit, invisible controls
/// (bidirectional overrides, NUL...) removed and reported.
/// </summary>
internal sealed class SeedLineReader(Stream stream, List<SeedDiagnostic> diagnostics)
{
    /// <summary>Lines longer than this are cut: no real abstract or metadata line comes near it.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private int _lineNumber;

    public IEnumerable<(int Number, string Text)> ReadLines()
    {
        var line = new List<byte>(512);
        while (true)
        {
            line.Clear();
            var cut = false;
            var sawAny = false;
            var ended = false;
            while (!ended)
            {
                if (_start == _end && !Fill())
                {
                    break;
                }
                sawAny = true;
                var span = _buffer.AsSpan(_start, _end - _start);
                var newline = span.IndexOf((byte)'\n');
                var take = newline < 0 ? span : span[..newline];
                var room = MaxLineBytes - line.Count;
                if (take.Length > room)
                {
                    cut = true;
                    take = take[..Math.Max(room, 0)];
                }
                foreach (var b in take)
                {
                    line.Add(b);
                }
                _start += newline < 0 ? span.Length : newline + 1;
                ended = newline >= 0;
            }
            if (!sawAny)
            {
                yield break;
            }
            _lineNumber++;
            if (cut)
            {
                diagnostics.Add(new SeedDiagnostic(_lineNumber, $"line longer than {MaxLineBytes} bytes; the rest of it was ignored"));
            }
            yield return (_lineNumber, Decode(line));
        }
    }

    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }
        _start = 0;
        _end = stream.Read(_buffer, 0, _buffer.Length);
        _eof = _end == 0;
        return !_eof;
    }

    private string Decode(List<byte> line)
    {
        var bytes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(line);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }
        if (_lineNumber == 1 && bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }
        string text;
        if (Utf8.IsValid(bytes))
        {
            text = Encoding.UTF8.GetString(bytes);
        }
        else
        {
            diagnostics.Add(new SeedDiagnostic(_lineNumber, "not valid UTF-8; read as Latin-1"));
            text = Encoding.Latin1.GetString(bytes);
        }
        text = InvisibleControls.Strip(text, out var removed);
        if (removed > 0)
        {
            diagnostics.Add(new SeedDiagnostic(_lineNumber,
                $"{removed} invisible control {(removed == 1 ? "character" : "characters")} (bidirectional, C0/C1 or byte-order mark) removed"));
        }
        return text;
    }
}
