using Microsoft.Extensions.Caching.Memory;

namespace PaperListing.Web.Formulas;

/// <summary>
/// TeX formulas typeset once and kept: interpreting KaTeX costs milliseconds a formula, so each one's MathML (or the
/// fact that it cannot be typeset) is remembered by its TeX and display mode, in a cache of bounded size of its own
/// (the least recently used go first), and a page of formulas seen before costs a look-up per formula.
/// </summary>
public sealed class FormulaTypesetter(KatexEngines engines) : IDisposable
{
    /// <summary>About 16 MB of typeset MathML (sizes counted in characters), a few thousand formulas.</summary>
    public const long CacheCharacters = 8_000_000;

    /// <summary>Longer sources are shown as they are: no abstract's formula is this long, and KaTeX's cost grows with it.</summary>
    public const int MaxSourceLength = 4_000;

    private const string Untypeset = "";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheCharacters, CompactionPercentage = 0.25 });

    /// <summary>The formula's markup (a <c>span.katex</c> holding MathML), or null when it cannot be typeset and its source should be shown.</summary>
    /// <param name="tex">The formula without its delimiters.</param>
    /// <param name="display">Display style (<c>$$…$$</c>, <c>\[…\]</c>): a centred block.</param>
    public string? Typeset(string tex, bool display)
    {
        if (tex.Length > MaxSourceLength || string.IsNullOrWhiteSpace(tex))
        {
            return null;
        }
        var key = (display ? "D" : "I") + tex;
        if (!_cache.TryGetValue(key, out string? html))
        {
            var (typeset, gaveUp) = engines.Typeset(tex, display);
            html = Safe(typeset) ?? Untypeset;
            // A formula stopped at a limit is tried again after a while, not on every page that shows it.
            _cache.Set(key, html, new MemoryCacheEntryOptions
            {
                Size = key.Length + html.Length,
                AbsoluteExpirationRelativeToNow = gaveUp ? RetryAfter : null,
            });
        }
        return html!.Length == 0 ? null : html;
    }

    /// <summary>MathML as browsers draw it; markup with a style attribute would break the Content-Security-Policy (style-src 'self'): the source is shown instead.</summary>
    private static string? Safe(string? html) =>
        html is null || html.Contains(" style=", StringComparison.Ordinal) ? null : MathVariants.ForBrowsers(html);

    public void Dispose() => _cache.Dispose();
}
