using System.ComponentModel.DataAnnotations;

namespace PaperListing.Web.Protection;

/// <summary>
/// The "RequestLimits" section: how long and how large one request may be. The site answers these itself (with its
/// security headers and a friendly page); Kestrel's own limits ("Kestrel:Limits"), answered bare by the server, are
/// set well above them as the outer bound on what is read into memory.
/// </summary>
public sealed class RequestLimitOptions
{
    public const string Section = "RequestLimits";

    /// <summary>A longer query string is answered 414: no link of this site comes near it.</summary>
    [Range(16, 8192, ErrorMessage = "RequestLimits:MaxQueryLength must be between 16 and 8192 characters")]
    public int MaxQueryLength { get; set; } = 2048;

    /// <summary>A longer request line (method, address and protocol) is answered 414.</summary>
    [Range(256, 16 * 1024, ErrorMessage = "RequestLimits:MaxRequestLineLength must be between 256 and 16384 characters")]
    public int MaxRequestLineLength { get; set; } = 8 * 1024;

    /// <summary>Larger request headers (names, values and their separators) are answered 431.</summary>
    [Range(1024, 32 * 1024, ErrorMessage = "RequestLimits:MaxHeadersTotalSize must be between 1024 and 32768 characters")]
    public int MaxHeadersTotalSize { get; set; } = 16 * 1024;

    /// <summary>More request headers than this are answered 431.</summary>
    [Range(8, 100, ErrorMessage = "RequestLimits:MaxHeaderCount must be between 8 and 100")]
    public int MaxHeaderCount { get; set; } = 50;

    /// <summary>A request still running after this is cut off with a 504: a stuck query must not hold a connection.</summary>
    [Range(1, 3600, ErrorMessage = "RequestLimits:TimeoutSeconds must be between 1 and 3600")]
    public int TimeoutSeconds { get; set; } = 30;
}
