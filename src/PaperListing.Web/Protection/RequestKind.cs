namespace PaperListing.Web.Protection;

/// <summary>What a request is, for rate limiting: told by its path alone, so routes added later fall in the right kind.</summary>
public enum RequestKind
{
    Page,
    Search,
    Api,
    Export,
}

public static class RequestKinds
{
    private static readonly string[] ExportExtensions = [".bib", ".ris", ".atom"];

    public static RequestKind Of(PathString path)
    {
        // A reading list (page, files and JSON) reads up to 100 papers at once: it is counted as an export.
        if (path.StartsWithSegments("/list", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/api/list", StringComparison.OrdinalIgnoreCase))
        {
            return RequestKind.Export;
        }
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return RequestKind.Api;
        }
        if (path.StartsWithSegments("/search", StringComparison.OrdinalIgnoreCase))
        {
            return RequestKind.Search;
        }
        var value = path.Value ?? "";
        return ExportExtensions.Any(extension => value.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            ? RequestKind.Export
            : RequestKind.Page;
    }
}
