using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;

namespace PaperListing.Web.Importing;

/// <summary>
/// Holds page requests until the startup import is done, so nobody sees a half-built site; the health probes are never held.
/// A stop releases the held requests at once (503), so they end before the server does.
/// </summary>
public sealed class ImportGate(RequestDelegate next, ImportStatus status, IOptions<SeedOptions> options, IHostApplicationLifetime lifetime,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!status.Done.IsCompleted && !Hosting.HealthEndpoints.IsProbe(context.Request.Path))
        {
            var wait = TimeSpan.FromSeconds(options.Value.RequestWaitSeconds);
            using var released = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            try
            {
                await status.Done.WaitAsync(wait, released.Token);
            }
            catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && lifetime.ApplicationStopping.IsCancellationRequested))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "10";
                context.Items[ErrorPageInfo.Key] = new ErrorPageInfo(lifetime.ApplicationStopping.IsCancellationRequested
                    ? localizer["The site is restarting. Please try again in a few seconds."]
                    : localizer["The papers are still being loaded. Please try again in a few seconds."]);
                return;
            }
        }
        await next(context);
    }
}
