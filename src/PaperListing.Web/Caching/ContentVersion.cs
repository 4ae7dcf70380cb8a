using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;

namespace PaperListing.Web.Caching;

/// <summary>
/// Which version of the site's content a page shows: this build, the imported seed files (names and content
/// hashes), the Markdown files beside them (names, sizes, times; looked at every 30 seconds, as long as rendered
/// Markdown is kept) and the visitor's language. The same content always has the same version, across restarts.
/// It is the pages' ETag and part of their cache key; an import that changes the papers also evicts every cached page.
/// </summary>
public sealed class ContentVersion(IOutputCacheStore cacheStore, IOptions<SeedOptions> seeds, ILogger<ContentVersion> logger)
{
    /// <summary>The tag of every cached page.</summary>
    public const string CacheTag = "pages";

    private static readonly long MarkdownCheckMs = 30_000;
    private static readonly string Build = Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToString("N")[..8];

    private volatile string _papers = "none";
    private volatile string _markdown = "";
    private long _markdownCheckedAt = long.MinValue;

    /// <summary>The version of the content for the current request's language, without its language.</summary>
    public string Content => $"{Build}-{_papers}-{Markdown()}";

    /// <summary>The current version as a weak ETag (pages of one version differ only in their encoding).</summary>
    public string ETag => $"W/\"{Content}-{CultureInfo.CurrentUICulture.Name}\"";

    /// <summary>A fingerprint of the imported seed files (names and content hashes): equal for equal papers.</summary>
    public static string PapersFingerprint(IEnumerable<(string FileName, string ContentHash)> seedFiles)
    {
        var text = new StringBuilder();
        foreach (var (fileName, contentHash) in seedFiles.OrderBy(f => f.FileName, StringComparer.Ordinal))
        {
            text.Append(fileName).Append('\n').Append(contentHash).Append('\n');
        }
        return Hash(text.ToString());
    }

    /// <summary>Records the papers now imported (see <see cref="PapersFingerprint"/>); when they differ from before, the page cache is emptied.</summary>
    public async Task UpdatePapersAsync(string papers, CancellationToken cancellationToken)
    {
        if (papers == _papers)
        {
            return;
        }
        _papers = papers;
        await cacheStore.EvictByTagAsync(CacheTag, cancellationToken);
        logger.ServingVersion(papers);
    }

    private string Markdown()
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _markdownCheckedAt) < MarkdownCheckMs)
        {
            return _markdown;
        }
        Interlocked.Exchange(ref _markdownCheckedAt, now);
        var text = new StringBuilder();
        try
        {
            foreach (var file in new DirectoryInfo(seeds.Value.Path).EnumerateFiles("*.md").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                text.Append(file.Name).Append('\n').Append(file.Length).Append('\n').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
            }
        }
        catch (IOException)
        {
            // No seeds folder (or it cannot be read): no Markdown either.
        }
        return _markdown = text.Length == 0 ? "" : Hash(text.ToString())[..8];
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
