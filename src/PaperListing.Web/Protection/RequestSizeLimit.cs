using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace PaperListing.Web.Protection;

/// <summary>
/// Refuses an overlong request line (414) and oversized or too many headers (431) as the site's own answer, with its
/// security headers and a friendly page, where Kestrel's answer to the same would carry neither. Kestrel's limits
/// stay above these, as the bound on what is read at all (<see cref="KestrelLimits"/>).
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next, IOptions<RequestLimitOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The error page re-executed for a refusal is the same request: it is not refused again.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return next(context);
        }
        var limits = options.Value;
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "";
        // "GET /path?query HTTP/1.1\r\n", as Kestrel counts it.
        var lineLength = request.Method.Length + 1 + target.Length + 1 + request.Protocol.Length + 2;
        if (lineLength > limits.MaxRequestLineLength)
        {
            return Refusal.WriteAsync(context, StatusCodes.Status414UriTooLong,
                "That address is too long: a request line may have at most {0} characters.", limits.MaxRequestLineLength.ToString("N0", CultureInfo.CurrentCulture));
        }
        var headerCount = 0;
        var headersSize = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                headerCount++;
                // "Name: value\r\n"
                headersSize += name.Length + 2 + (value?.Length ?? 0) + 2;
            }
        }
        if (headerCount > limits.MaxHeaderCount || headersSize > limits.MaxHeadersTotalSize)
        {
            return Refusal.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge,
                "The request's headers are too large: at most {0} headers of {1} characters in all.",
                limits.MaxHeaderCount.ToString("N0", CultureInfo.CurrentCulture), limits.MaxHeadersTotalSize.ToString("N0", CultureInfo.CurrentCulture));
        }
        return next(context);
    }
}
