using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;

namespace PaperListing.Web.Importing;

/// <summary>Holds page requests until the startup import is done, so nobody sees a half-built site; /healthz is never held.</summary>
public sealed class ImportGate(RequestDelegate next, ImportStatus status, IOptions<SeedOptions> options, IStringLocalizer<SharedResource> localizer)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!status.Done.IsCompleted && !context.Request.Path.StartsWithSegments("/healthz"))
        {
            var wait = TimeSpan.FromSeconds(options.Value.RequestWaitSeconds);
            try
            {
                await status.Done.WaitAsync(wait, context.RequestAborted);
            }
            catch (TimeoutException)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "10";
                context.Items[ErrorPageInfo.Key] = new ErrorPageInfo(localizer["The papers are still being loaded. Please try again in a few seconds."]);
                return;
            }
        }
        await next(context);
    }
}
