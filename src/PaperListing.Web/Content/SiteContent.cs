using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;

namespace PaperListing.Web.Content;

/// <summary>
/// Markdown files beside the seeds: <c>about.md</c> for the About page, and <c>&lt;seed file&gt;.md</c> beside a
/// listing's first seed file for that listing's description. Rendered once and kept for a short while, so an edit
/// shows up without a restart.
/// </summary>
public sealed class SiteContent(IOptions<SeedOptions> options, IMemoryCache cache)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);
    private const long MaxBytes = 256 * 1024;

    private int _aboutHintGiven;

    /// <summary>True the first time it is asked: the operator is told once per process that about.md is missing.</summary>
    public bool FirstTimeWithoutAbout() => Interlocked.Exchange(ref _aboutHintGiven, 1) == 0;

    /// <summary>The About page's HTML, or null when there is no about.md.</summary>
    public string? About() => Render("about.md");

    /// <summary>The description of the listing whose first seed file is <paramref name="firstSeedFile"/>, or null.</summary>
    public string? ListingDescription(string firstSeedFile) => Render(Path.ChangeExtension(firstSeedFile, ".md"));

    private string? Render(string fileName) =>
        cache.GetOrCreate($"markdown:{fileName}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = KeepFor;
            var path = Path.Combine(options.Value.Path, Path.GetFileName(fileName));
            var file = new FileInfo(path);
            if (!file.Exists || file.Length > MaxBytes)
            {
                return null;
            }
            return SafeMarkdown.ToHtml(File.ReadAllText(path));
        });
}
