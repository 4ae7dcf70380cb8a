using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PaperListing.Web.Protection;

namespace PaperListing.Web.Pages;

/// <summary>
/// The friendly page for every refusal and failure: it says what went wrong, never how. It renders for any method
/// (a refused PUT is re-executed here as a PUT), so it has no handlers and fills itself once the page is selected.
/// </summary>
[IgnoreAntiforgeryToken]
[AnswersEveryMethod]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public ErrorPageInfo Info { get; private set; } = null!;

    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var routeCode) ? routeCode : 0;
        Code = code is >= 400 and < 600 ? code : Response.StatusCode is >= 400 and < 600 ? Response.StatusCode : 500;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            Code = StatusCodes.Status500InternalServerError;
        }
        else if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            // Asked for directly (/error/500): nothing failed, so there is nothing at this address.
            Code = StatusCodes.Status404NotFound;
        }
        Response.StatusCode = Code;
        (Heading, var message) = Code switch
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
        Info = HttpContext.Items[ErrorPageInfo.Key] as ErrorPageInfo ?? new ErrorPageInfo(message);
    }
}
