namespace PaperListing.Web.Lists;

/// <summary>
/// A reading list as its address holds it: paper ids in the order chosen (each once), an optional title and note.
/// Nothing is stored: the address is the list, so it can be shared, bookmarked and outlives a rebuild.
/// </summary>
public sealed record ReadingListAddress(IReadOnlyList<string> Ids, string? Title = null, string? Note = null)
{
    public const int MaxPapers = 100;
    public const int MaxTitleLength = 120;
    public const int MaxNoteLength = 500;

    public static readonly ReadingListAddress Empty = new([]);

    /// <summary>The query in its one canonical form: "?p=…&amp;p=…&amp;title=…&amp;note=…", or "" for an empty list.</summary>
    public string ToQueryString()
    {
        var parameters = Ids.Select(id => new KeyValuePair<string, string?>("p", id)).ToList();
        if (Title is not null)
        {
            parameters.Add(new("title", Title));
        }
        if (Note is not null)
        {
            parameters.Add(new("note", Note));
        }
        return QueryString.Create(parameters).Value ?? "";
    }
}
