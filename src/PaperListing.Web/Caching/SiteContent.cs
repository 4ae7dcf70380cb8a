using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;

namespace PaperListing.Web.Caching;

/// <summary>
/// Which version of the papers the site is serving: a fingerprint of the imported seed files (names and content
/// hashes) and of this build, so the same seeds served by the same code always carry the same version, across
/// restarts. It is the pages' ETag, and part of their cache key; a new version evicts every cached page.
/// </summary>
public sealed class SiteContent(IOutputCacheStore cacheStore, ILogger<SiteContent> logger)
{
    /// <summary>The tag of every cached page that shows papers.</summary>
    public const string CacheTag = "papers";

    private static readonly string Build = Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToString("N")[..8];

    /// <summary>The current version, as a weak ETag (pages vary only in encoding between equal versions).</summary>
    public string ETag { get; private set; } = $"W/\"{Build}-none\"";

    /// <summary>Records the seed files now imported; when they differ from before, the page cache is emptied.</summary>
    public async Task UpdateAsync(IEnumerable<(string FileName, string ContentHash)> seedFiles, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var (fileName, contentHash) in seedFiles.OrderBy(f => f.FileName, StringComparer.Ordinal))
        {
            text.Append(fileName).Append('\n').Append(contentHash).Append('\n');
        }
        var etag = $"W/\"{Build}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16]}\"";
        if (etag == ETag)
        {
            return;
        }
        ETag = etag;
        await cacheStore.EvictByTagAsync(CacheTag, cancellationToken);
        logger.LogInformation("Serving papers version {Version}; cached pages evicted", etag);
    }
}
