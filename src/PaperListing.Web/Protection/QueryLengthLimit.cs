using System.Globalization;
using Microsoft.Extensions.Options;

namespace PaperListing.Web.Protection;

/// <summary>Refuses an overlong query string with 414 before anything reads it.</summary>
public sealed class QueryLengthLimit(RequestDelegate next, IOptions<RequestLimitOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.Value is { } query && query.Length > options.Value.MaxQueryLength)
        {
            return Refusal.WriteAsync(context, StatusCodes.Status414UriTooLong,
                "That address is too long: a query may have at most {0} characters.", options.Value.MaxQueryLength.ToString("N0", CultureInfo.CurrentCulture));
        }
        return next(context);
    }
}
