namespace PaperListing.Web.Search;

/// <summary>The orders a list of papers can be shown in, and their names in the address (<c>sort=</c>).</summary>
public enum SearchSort
{
    /// <summary>Best match first: only with words to match.</summary>
    Relevance,
    /// <summary>The listing's own order: only within a listing.</summary>
    Listing,
    /// <summary>Newest first by date, undated papers last.</summary>
    Newest,
    /// <summary>Oldest first by date, undated papers last.</summary>
    Oldest,
}

public static class SearchSorts
{
    public static string Name(this SearchSort sort) => sort switch
    {
        SearchSort.Relevance => "relevance",
        SearchSort.Listing => "listing",
        SearchSort.Newest => "newest",
        _ => "oldest",
    };

    public static SearchSort? FromName(string name) => name switch
    {
        "relevance" => SearchSort.Relevance,
        "listing" => SearchSort.Listing,
        "newest" => SearchSort.Newest,
        "oldest" => SearchSort.Oldest,
        _ => null,
    };
}
