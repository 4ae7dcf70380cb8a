using System.ComponentModel.DataAnnotations;

namespace PaperListing.Web.Protection;

/// <summary>
/// The "RequestLimits" section: how long and how large one request may be. Kestrel's own limits (request line and
/// headers, answered 414 and 431 by the server itself) are in the "Kestrel:Limits" section.
/// </summary>
public sealed class RequestLimitOptions
{
    public const string Section = "RequestLimits";

    /// <summary>A longer query string is answered 414: no link of this site comes near it.</summary>
    [Range(16, 8192, ErrorMessage = "RequestLimits:MaxQueryLength must be between 16 and 8192 characters")]
    public int MaxQueryLength { get; set; } = 2048;

    /// <summary>A request still running after this is cut off with a 504: a stuck query must not hold a connection.</summary>
    [Range(1, 3600, ErrorMessage = "RequestLimits:TimeoutSeconds must be between 1 and 3600")]
    public int TimeoutSeconds { get; set; } = 30;
}
