using Microsoft.Net.Http.Headers;

namespace PaperListing.Web.Caching;

/// <summary>
/// Conditional requests for pages: every page carries the version of the content (see <see cref="ContentVersion"/>)
/// as its ETag, and a browser that already holds this version gets 304 Not Modified without the page being rendered
/// or read from any cache. Browsers are asked to check back each time (no-cache), which then costs them a 304, and
/// are told that a page also depends on the language they ask for.
/// </summary>
public sealed class PageETags(RequestDelegate next, ContentVersion content)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) || Hosting.HealthEndpoints.IsProbe(request.Path))
        {
            return next(context);
        }
        var etag = content.ETag;
        if (request.Headers.IfNoneMatch.Count > 0 && Matches(request.Headers.IfNoneMatch.ToString(), etag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = "no-cache";
            return Task.CompletedTask;
        }
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            if (response.StatusCode == StatusCodes.Status200OK && response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
            {
                response.Headers.ETag = etag;
                response.Headers.CacheControl = "no-cache";
                response.Headers.Append(HeaderNames.Vary, "Accept-Language, Cookie");
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool Matches(string ifNoneMatch, string etag) =>
        EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags)
        && tags.Any(t => t.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false));
}
