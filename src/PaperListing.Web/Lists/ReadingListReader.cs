using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;
using PaperListing.Web.Importing.Parsing;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Lists;

/// <summary>Why a list's address was refused, and the list the visitor probably meant with the words for a link to it.</summary>
public sealed record ReadingListRefusal(string Message, ReadingListAddress? Repaired = null, string? RepairText = null);

/// <summary>
/// Reads a <see cref="ReadingListAddress"/> from a query: every <c>p</c> is a paper id (any case; a blank one is
/// ignored, a repeated one kept where it first appears), then <c>title</c> and <c>note</c> as plain text. A malformed
/// id, more than <see cref="ReadingListAddress.MaxPapers"/> papers, an overlong or repeated title or note is refused
/// with a message naming it and, where one exists, the list the visitor probably meant.
/// Whether a paper exists is the database's to say: an unknown id is part of the list.
/// </summary>
public static class ReadingListReader
{
    /// <summary>The longest paper id: every digit of a SHA-256 (see <see cref="StablePaperId"/>).</summary>
    private const int MaxIdLength = 52;

    /// <summary>
    /// Reads the raw query string, not Request.Query: the output cache sorts a parameter's repeated values in place
    /// in the request's own query while making its key (dotnet/aspnetcore#69109), and a list's order is its content.
    /// </summary>
    public static bool TryRead(QueryString rawQuery, IStringLocalizer localizer, out ReadingListAddress list, out ReadingListRefusal? refusal)
    {
        var query = QueryHelpers.ParseQuery(rawQuery.Value);
        list = ReadingListAddress.Empty;
        refusal = null;
        foreach (var name in new[] { "title", "note" })
        {
            if (query.GetValueOrDefault(name).Count > 1)
            {
                refusal = new(localizer["The {0} parameter is given more than once.", name]);
                return false;
            }
        }
        var title = Title(query.GetValueOrDefault("title"));
        var note = Note(query.GetValueOrDefault("note"));
        var ids = new List<string>();
        var malformed = new List<string>();
        foreach (var value in query.GetValueOrDefault("p"))
        {
            var id = (value ?? "").Trim();
            if (id.Length == 0)
            {
                continue;
            }
            if (!IsPaperId(id))
            {
                malformed.Add(id);
                continue;
            }
            id = id.ToLowerInvariant();
            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }
        if (malformed.Count > 0)
        {
            var message = malformed.Count == 1
                ? localizer["\"{0}\" is not a paper id (parameter p): a paper id is the part of a paper's address after /papers/, 10 or more letters and digits.", PaperLabel.Excerpt(malformed[0], 40)]
                : localizer["\"{0}\" and {1} more are not paper ids (parameter p): a paper id is the part of a paper's address after /papers/, 10 or more letters and digits.", PaperLabel.Excerpt(malformed[0], 40), malformed.Count - 1];
            refusal = new(message, Repaired(ids, title, note), localizer[malformed.Count == 1 ? "Show the list without it" : "Show the list without them"]);
            return false;
        }
        if (ids.Count > ReadingListAddress.MaxPapers)
        {
            refusal = new(localizer["A reading list holds at most {0} papers; this address names {1}.", ReadingListAddress.MaxPapers, ids.Count],
                Repaired(ids, title, note), localizer["Show the first {0}", ReadingListAddress.MaxPapers]);
            return false;
        }
        if (title?.Length > ReadingListAddress.MaxTitleLength)
        {
            refusal = new(localizer["The title has {0} characters; a reading list's title may have at most {1} (parameter title).", title.Length, ReadingListAddress.MaxTitleLength]);
            return false;
        }
        if (note?.Length > ReadingListAddress.MaxNoteLength)
        {
            refusal = new(localizer["The note has {0} characters; a reading list's note may have at most {1} (parameter note).", note.Length, ReadingListAddress.MaxNoteLength]);
            return false;
        }
        list = new ReadingListAddress(ids, title, note);
        return true;
    }

    /// <summary>Letters and digits of a paper id (case aside), of a length an id can have.</summary>
    public static bool IsPaperId(string text) =>
        text.Length is >= StablePaperId.ShortLength and <= MaxIdLength && text.All(c => StablePaperId.DigitValue(char.ToLowerInvariant(c)) >= 0);

    /// <summary>A title is one line: invisible controls removed, runs of spaces and line breaks made one space.</summary>
    private static string? Title(StringValues values)
    {
        var text = string.Join(' ', Clean(values).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? null : text;
    }

    /// <summary>A note keeps its lines (each trimmed at its end); invisible controls are removed.</summary>
    private static string? Note(StringValues values)
    {
        var lines = (values.Count == 0 ? "" : values[0] ?? "").ReplaceLineEndings("\n").Split('\n')
            .Select(line => InvisibleControls.Strip(line, out _).TrimEnd());
        var text = string.Join('\n', lines).Trim();
        return text.Length == 0 ? null : text;
    }

    private static string Clean(StringValues values) =>
        InvisibleControls.Strip((values.Count == 0 ? "" : values[0] ?? "").ReplaceLineEndings(" "), out _);

    /// <summary>The list without what was wrong: malformed ids left out, the first papers only, title and note cut.</summary>
    private static ReadingListAddress Repaired(List<string> ids, string? title, string? note) =>
        new([.. ids.Take(ReadingListAddress.MaxPapers)], Limited(title, ReadingListAddress.MaxTitleLength), Limited(note, ReadingListAddress.MaxNoteLength));

    private static string? Limited(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)].TrimEnd();
}
