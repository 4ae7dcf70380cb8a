namespace PaperListing.Web.Search.Index;

/// <summary>The "Search" section: where search looks for the papers matching its words.</summary>
public sealed class SearchIndexOptions
{
    public const string Section = "Search";

    /// <summary>
    /// Search words through a search index held by this process beside the database (derived from it, rebuilt when
    /// the papers change) rather than through the database's own full-text index, which is slower past a few
    /// hundred thousand papers. Off, every search asks the database.
    /// </summary>
    public bool Index { get; set; } = true;

    /// <summary>
    /// The folder the index is kept in; empty for a folder beside the SQLite file ("papers.db.search"), or in the
    /// system's temporary folder for PostgreSQL and an in-memory database.
    /// </summary>
    public string IndexFolder { get; set; } = "";
}
