using System.ComponentModel.DataAnnotations;

namespace PaperListing.Web.Protection;

/// <summary>
/// The "RateLimits" section: requests a minute that one client address may make, per kind of request. A client may
/// spend a minute's allowance at once, then gets one more request every (60 / limit) seconds.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    private const int Most = 1_000_000_000;

    /// <summary>Pages and everything not named below: generous, a reader never meets it.</summary>
    [Range(1, Most, ErrorMessage = "RateLimits:PagesPerMinute must be a whole number from 1")]
    public int PagesPerMinute { get; set; } = 600;

    /// <summary>/search: each request is a query.</summary>
    [Range(1, Most, ErrorMessage = "RateLimits:SearchPerMinute must be a whole number from 1")]
    public int SearchPerMinute { get; set; } = 60;

    /// <summary>/api/...: meant for programs, which can pace themselves.</summary>
    [Range(1, Most, ErrorMessage = "RateLimits:ApiPerMinute must be a whole number from 1")]
    public int ApiPerMinute { get; set; } = 120;

    /// <summary>Exports (*.bib, *.ris, *.atom): each can be large.</summary>
    [Range(1, Most, ErrorMessage = "RateLimits:ExportsPerMinute must be a whole number from 1")]
    public int ExportsPerMinute { get; set; } = 60;

    /// <summary>
    /// How long a bare repeat refusal is held before it is sent: a client that ignores Retry-After and asks again at
    /// once then asks at most once a pause per connection, and its refusals take a timer, not the cores. 0: at once.
    /// </summary>
    [Range(0, 60, ErrorMessage = "RateLimits:RepeatRefusalPauseSeconds must be between 0 and 60")]
    public int RepeatRefusalPauseSeconds { get; set; } = 1;

    public int PerMinute(RequestKind kind) => kind switch
    {
        RequestKind.Search => SearchPerMinute,
        RequestKind.Api => ApiPerMinute,
        RequestKind.Export => ExportsPerMinute,
        _ => PagesPerMinute,
    };
}
