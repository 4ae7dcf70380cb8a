using Microsoft.Extensions.Localization;

namespace PaperListing.Web.Protection;

/// <summary>
/// Answers a request the site refuses before any page runs: an empty response that the status-code pages turn into
/// the friendly error page (problem details under /api), saying <c>message</c> in the visitor's language.
/// </summary>
public static class Refusal
{
    public static Task WriteAsync(HttpContext context, int statusCode, string message, params object[] arguments)
    {
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.Response.StatusCode = statusCode;
        context.Items[ErrorPageInfo.Key] = new ErrorPageInfo(localizer[message, arguments]);
        return Task.CompletedTask;
    }
}
