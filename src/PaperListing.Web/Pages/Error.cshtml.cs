using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PaperListing.Web.Api;
using PaperListing.Web.Protection;
using PaperListing.Web.Resilience;

namespace PaperListing.Web.Pages;

/// <summary>
/// The friendly page for every refusal and failure: it says what went wrong, never how. API callers get the same
/// answer as problem details (JSON) instead. It answers every method: a refused PUT is re-executed here as a PUT.
/// </summary>
[IgnoreAntiforgeryToken]
[AnswersEveryMethod]
public sealed class ErrorModel(IStringLocalizer<SharedResource> localizer, IOptions<ResilienceOptions> resilience) : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public ErrorPageInfo Info { get; private set; } = null!;

    /// <summary>
    /// Every method gets the same answer, and nothing of the request is bound: no handlers, so a refused POST with a
    /// malformed form body cannot fail here while its refusal is shown.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        context.Result = await AnswerAsync(int.TryParse(RouteData.Values["code"] as string, out var code) ? code : null);

    private async Task<IActionResult> AnswerAsync(int? code)
    {
        Code = code is >= 400 and < 600 ? code.Value : Response.StatusCode is >= 400 and < 600 ? Response.StatusCode : 500;
        // The database out of reach is no bug: 503, try again soon (a page in the page cache is still served meanwhile).
        var outage = false;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is { } failure)
        {
            outage = DatabaseOutage.IsOutage(failure.Error);
            Code = outage ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        }
        else if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            // Asked for directly (/error/500): nothing failed, so there is nothing at this address.
            Code = StatusCodes.Status404NotFound;
        }
        Response.StatusCode = Code;
        if (Code == StatusCodes.Status503ServiceUnavailable && !Response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.RetryAfter))
        {
            Response.Headers.RetryAfter = resilience.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        (Heading, var message) = outage
            ? ("Back in a moment", "The papers cannot be read right now. Please try again in a few seconds.")
            : Code switch
        {
            400 => ("Bad request", "That address has a part this site cannot read."),
            404 => ("Page not found", "There is nothing at this address."),
            405 => ("Method not allowed", "This page can only be read."),
            414 => ("Address too long", "That address is too long for this site to read."),
            429 => ("Too many requests", "Please wait a moment before trying again."),
            431 => ("Request too large", "The request's headers are too large for this site to read."),
            503 => ("Not ready yet", "The site is starting. Please try again in a few seconds."),
            504 => ("Too slow", "That page took too long to prepare. Please try again in a moment."),
            >= 500 => ("Something went wrong", "Something went wrong on our side. Please try again later."),
            _ => ("Request refused", "This request cannot be answered."),
        };
        Heading = localizer[Heading];
        Info = HttpContext.Items[ErrorPageInfo.Key] as ErrorPageInfo ?? new ErrorPageInfo(localizer[message]);
        if (ApiProblems.CameFromApi(HttpContext))
        {
            await ApiProblems.WriteAsync(HttpContext, Code, Info.Message);
            return new EmptyResult();
        }
        PageMetadata.Set(ViewData, new PageMetadata(Heading, Info.Message, SiteLinks.Absolute(Request, OriginalAddress())) { NoIndex = true });
        return Page();
    }

    /// <summary>The address the visitor asked for, not the error page's own.</summary>
    private string OriginalAddress()
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
        {
            return $"{reExecuted.OriginalPathBase}{reExecuted.OriginalPath}{reExecuted.OriginalQueryString}";
        }
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        return failed is null ? $"{Request.PathBase}{Request.Path}{Request.QueryString}" : $"{Request.PathBase}{failed}";
    }
}
