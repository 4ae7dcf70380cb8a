using System.ComponentModel.DataAnnotations;

namespace PaperListing.Web.Caching;

/// <summary>The "Caching" section: the server's page cache and the compression of pages.</summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>Keep rendered pages in memory until an import changes the papers.</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>The most memory the page cache may take.</summary>
    [Range(1, 4096, ErrorMessage = "Caching:OutputCacheMegabytes must be between 1 and 4096")]
    public int OutputCacheMegabytes { get; set; } = 64;

    /// <summary>Compress pages (Brotli or gzip, as the browser accepts) before they are cached and sent.</summary>
    public bool Compression { get; set; } = true;
}
