using Microsoft.AspNetCore.Diagnostics;

namespace PaperListing.Web.Api;

/// <summary>
/// The API answers every refusal and failure as RFC 9457 problem details (application/problem+json), including those
/// that reach the status-code pages or the exception handler, which would otherwise answer in HTML.
/// </summary>
public static class ApiProblems
{
    public const string Prefix = "/api";

    public static IResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>The 404 for a page past a list's last: its words, as a problem (the last page's address is the <c>last</c> link of every page).</summary>
    public static IResult NotFound(Paging.PastEndRefusal refusal) => NotFound(refusal.Message);

    /// <summary>Whether a re-executed error (status-code page or exception) came from an API address.</summary>
    public static bool CameFromApi(HttpContext context)
    {
        var original = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? context.Request.Path;
        return new PathString(original).StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Writes the problem for an error the error page was asked to show, in place of the HTML page.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await service.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = detail },
        });
        if (!written)
        {
            // The caller's Accept header excludes JSON: it gets JSON anyway, as an API answers nothing else.
            await Results.Problem(detail, statusCode: status).ExecuteAsync(context);
        }
    }
}
