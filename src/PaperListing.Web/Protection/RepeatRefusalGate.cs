using System.Globalization;
using Microsoft.AspNetCore.StaticFiles;

namespace PaperListing.Web.Protection;

/// <summary>
/// A client already refused by the rate limit and back before its Retry-After is over is answered a bare 429 with
/// Retry-After here, at the start of the pipeline: before the request log, the language, the error pages, routing and
/// the rate limiter, after a pause (RateLimits:RepeatRefusalPauseSeconds), so a crawler ignoring Retry-After costs the
/// site little more than reading its request and a timer, and asks at most once a pause per connection. Its first
/// refusal (the friendly page) is the rate limiter's (<see cref="RepeatRefusals"/>). Health probes and files the
/// friendly page needs (its stylesheet, its script) are never refused here; the rate limiter stays the judge of them.
/// </summary>
public sealed class RepeatRefusalGate(RequestDelegate next, RepeatRefusals repeats)
{
    /// <summary>A file's address (an extension of a known type) that is not an export: a stylesheet, a script, an icon.</summary>
    private static readonly FileExtensionContentTypeProvider Files = new();

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var kind = RequestKinds.Of(path);
        if (Hosting.HealthEndpoints.IsProbe(path)
            || (kind != RequestKind.Export && Files.TryGetContentType(path.Value ?? "", out _))
            || !repeats.WasRefused(RepeatRefusals.Key(context, kind)))
        {
            return next(context);
        }
        return RefuseAsync(context, kind);
    }

    private async Task RefuseAsync(HttpContext context, RequestKind kind)
    {
        await repeats.PauseAsync(context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = repeats.RetryAfterSeconds(kind).ToString(CultureInfo.InvariantCulture);
    }
}
