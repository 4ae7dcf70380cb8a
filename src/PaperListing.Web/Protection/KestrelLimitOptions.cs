using System.ComponentModel.DataAnnotations;

namespace PaperListing.Web.Protection;

/// <summary>
/// The "Kestrel:Limits" section: the server's own outer bound on what one request may make it read, answered bare by
/// Kestrel before the app sees the request. The defaults sit well above the site's own limits (<see cref="RequestLimitOptions"/>).
/// </summary>
public sealed class KestrelLimitOptions
{
    public const string Section = "Kestrel:Limits";

    /// <summary>A longer request line is answered 414 by Kestrel.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Kestrel:Limits:MaxRequestLineSize must be a positive number of bytes")]
    public int MaxRequestLineSize { get; set; } = 32 * 1024;

    /// <summary>Larger request headers are answered 431 by Kestrel.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Kestrel:Limits:MaxRequestHeadersTotalSize must be a positive number of bytes")]
    public int MaxRequestHeadersTotalSize { get; set; } = 64 * 1024;

    /// <summary>More request headers are answered 431 by Kestrel.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Kestrel:Limits:MaxRequestHeaderCount must be a positive number")]
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>A larger request body is refused: the site reads none (pages answer GET and HEAD only).</summary>
    [Range(0, long.MaxValue, ErrorMessage = "Kestrel:Limits:MaxRequestBodySize must be a number of bytes, 0 or more")]
    public long? MaxRequestBodySize { get; set; } = 64 * 1024;

    /// <summary>Headers that have not all arrived by then are answered 408: a slow client cannot hold a connection.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Kestrel:Limits:RequestHeadersTimeout must be between 00:00:01 and 1.00:00:00")]
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
