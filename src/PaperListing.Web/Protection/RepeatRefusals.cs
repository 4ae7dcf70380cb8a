using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;

namespace PaperListing.Web.Protection;

/// <summary>
/// A client refused by the rate limit that comes back before the wait it was told (Retry-After) is over: its first
/// refusal in that time is the friendly page (problem details under /api), its repeats a bare 429 with Retry-After,
/// no page made and no request log line above Debug. A crawler ignoring Retry-After at full speed is refused thousands
/// of times a second, and each friendly page costs more CPU than serving a visitor a cached page. One fixed window
/// per kind of request and client, as long as that kind's Retry-After, kept by the framework's partitioned limiter
/// (which forgets idle clients).
/// </summary>
public sealed class RepeatRefusals : IDisposable
{
    private static readonly object Marker = new();
    private readonly PartitionedRateLimiter<string> _friendly;

    public RepeatRefusals(RateLimitOptions limits) =>
        _friendly = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(partition,
            key => new FixedWindowRateLimiterOptions
            {
                PermitLimit = 1,
                Window = TimeSpan.FromSeconds(RetryAfterSeconds(TimeSpan.FromMinutes(1) / limits.PerMinute(KindOf(key)))),
                QueueLimit = 0,
            }));

    /// <summary>The partition of a refusal: the rate limiter's own (kind and client).</summary>
    public static string Key(RequestKind kind, string client) => $"{kind} {client}";

    /// <summary>A wait as the whole seconds Retry-After says, at least 1 and at most an hour.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, 3600);

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
