using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PaperListing.Web.Protection;

/// <summary>
/// ASP.NET Core's rate limiter, one token bucket per client address and kind of request (see <see cref="RequestKinds"/>).
/// A refusal is a 429 with Retry-After: a friendly page, or a JSON problem under /api; a client refused again within
/// its Retry-After gets the 429 bare (<see cref="RepeatRefusals"/>).
/// </summary>
public static class RateLimitSetup
{
    public static IServiceCollection AddPaperListingRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddSingleton(provider => new RepeatRefusals(provider.GetRequiredService<IOptions<RateLimitOptions>>().Value));
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, RepeatRefusals>((limiter, limits, repeats) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits.Value));
            limiter.OnRejected = (rejected, cancellationToken) => OnRejectedAsync(rejected, repeats);
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits)
    {
        // Health probes are never refused; a refusal's own error page was counted as the request it answers.
        if (Hosting.HealthEndpoints.IsProbe(context.Request.Path)
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return RateLimitPartition.GetNoLimiter("exempt");
        }
        var kind = RequestKinds.Of(context.Request.Path);
        var perMinute = limits.PerMinute(kind);
        return RateLimitPartition.GetTokenBucketLimiter($"{kind} {ClientAddress.Of(context)}", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, RepeatRefusals repeats)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = RepeatRefusals.RetryAfterSeconds(wait);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (repeats.IsRepeat(RepeatRefusals.Key(context, RequestKinds.Of(context.Request.Path))))
        {
            RepeatRefusals.AnswerBare(context);
            await repeats.PauseAsync(context.RequestAborted);
            return;
        }
        await Refusal.WriteAsync(context, StatusCodes.Status429TooManyRequests,
            "Too many requests from your address. Please wait {0} seconds before trying again.", seconds);
    }
}
