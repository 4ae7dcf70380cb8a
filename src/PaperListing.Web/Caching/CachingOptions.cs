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

    /// <summary>
    /// The most pages a client may have made for it (pages not in the cache) in a minute before it counts as sweeping
    /// the site: past it, its pages are served but not kept in the page cache, so a crawler cannot push visitors' pages out.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "Caching:SweepPagesPerMinute must be between 1 and 1000000")]
    public int SweepPagesPerMinute { get; set; } = 120;

    /// <summary>Compress pages (Brotli or gzip, as the browser accepts) before they are cached and sent.</summary>
    public bool Compression { get; set; } = true;

    /// <summary>
    /// How often each replica looks whether another one changed the papers (one row read); a replica then serves pages
    /// at most this much older than the data it can see.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "Caching:DataPollSeconds must be between 1 and 3600")]
    public int DataPollSeconds { get; set; } = 5;
}
