namespace PaperListing.Web.Protection;

/// <summary>
/// Answers a request the site refuses before any page runs: a JSON problem under /api, otherwise an empty response
/// that the status-code pages turn into the friendly error page, saying <c>message</c>.
/// </summary>
public static class Refusal
{
    public static Task WriteAsync(HttpContext context, int statusCode, string message)
    {
        context.Response.StatusCode = statusCode;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: statusCode, detail: message).ExecuteAsync(context);
        }
        context.Items[ErrorPageInfo.Key] = new ErrorPageInfo(message);
        return Task.CompletedTask;
    }
}
