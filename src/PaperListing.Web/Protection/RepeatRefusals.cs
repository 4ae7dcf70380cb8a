using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;

namespace PaperListing.Web.Protection;

/// <summary>
/// A client refused by the rate limit that comes back before the wait it was told (Retry-After) is over: its first
/// refusal in that time is the friendly page (problem details under /api), its repeats a bare 429 with Retry-After,
/// no page made and no request log line above Debug. A crawler ignoring Retry-After at full speed is refused thousands
/// of times a second, and each friendly page costs more CPU than serving a visitor a cached page. One fixed window
/// per kind of request, client and form of answer, as long as that kind's Retry-After, kept by the framework's
/// partitioned limiter (which forgets idle clients). <see cref="RepeatRefusalGate"/> answers the repeats early, each
/// after a pause (RateLimits:RepeatRefusalPauseSeconds), so a client asking again at once asks slowly.
/// </summary>
public sealed class RepeatRefusals : IDisposable
{
    private static readonly object Marker = new();
    private readonly PartitionedRateLimiter<string> _friendly;
    private readonly RateLimitOptions _limits;

    public RepeatRefusals(RateLimitOptions limits)
    {
        _limits = limits;
        _friendly = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(partition,
            key => new FixedWindowRateLimiterOptions
            {
                PermitLimit = 1,
                Window = TimeSpan.FromSeconds(RetryAfterSeconds(KindOf(key))),
                QueueLimit = 0,
            }));
    }

    /// <summary>
    /// The window a refusal falls in: the rate limiter's partition (kind and client), and whether it is answered as the
    /// API answers (problem details) or as a page, so that the first refusal in either form is the friendly one.
    /// </summary>
    public static string Key(HttpContext context, RequestKind kind) =>
        $"{kind} {ClientAddress.Of(context)}{(context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? " api" : "")}";

    /// <summary>A wait as the whole seconds Retry-After says, at least 1 and at most an hour.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, 3600);

    /// <summary>The Retry-After of a refusal of this kind: the time the rate limit takes to allow one more request.</summary>
    public int RetryAfterSeconds(RequestKind kind) => RetryAfterSeconds(TimeSpan.FromMinutes(1) / _limits.PerMinute(kind));

    /// <summary>Holds a bare repeat refusal for RateLimits:RepeatRefusalPauseSeconds (less if the client goes away).</summary>
    public async Task PauseAsync(CancellationToken aborted)
    {
        if (_limits.RepeatRefusalPauseSeconds > 0)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(_limits.RepeatRefusalPauseSeconds), aborted);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>Whether the client has been refused this kind of request within its Retry-After (and told so).</summary>
    public bool WasRefused(string key) => _friendly.GetStatistics(key) is { CurrentAvailablePermits: 0 };

    /// <summary>Whether this refusal repeats one made to the same client, for the same kind, within its Retry-After.</summary>
    public bool IsRepeat(string key)
    {
        using var lease = _friendly.AttemptAcquire(key);
        return !lease.IsAcquired;
    }

    /// <summary>Answers the refusal bare: no error page re-executed for it, and marked for the request log.</summary>
    public static void AnswerBare(HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        context.Items[Marker] = Marker;
    }

    /// <summary>Whether the request was answered with a bare repeat refusal.</summary>
    public static bool WasAnsweredBare(HttpContext context) => context.Items.ContainsKey(Marker);

    public void Dispose() => _friendly.Dispose();

    private static RequestKind KindOf(string key) => Enum.Parse<RequestKind>(key.AsSpan(0, key.IndexOf(' ', StringComparison.Ordinal)));
}
