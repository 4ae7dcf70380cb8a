using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PaperListing.Web.Pages;

/// <summary>The friendly page for every refusal and failure: it says what went wrong, never how.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public ErrorPageInfo Info { get; private set; } = null!;

    public void OnGet(int? code) => Fill(code);
    public void OnPost(int? code) => Fill(code);
    public void OnHead(int? code) => Fill(code);

    private void Fill(int? code)
    {
        Code = code is >= 400 and < 600 ? code.Value : Response.StatusCode is >= 400 and < 600 ? Response.StatusCode : 500;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            Code = StatusCodes.Status500InternalServerError;
        }
        Response.StatusCode = Code;
        (Heading, var message) = Code switch
        {
            400 => ("Bad request", "That address has a part this site cannot read."),
            404 => ("Page not found", "There is nothing at this address."),
            405 => ("Method not allowed", "This page can only be read."),
            429 => ("Too many requests", "Please wait a moment before trying again."),
            503 => ("Not ready yet", "The site is starting. Please try again in a few seconds."),
            >= 500 => ("Something went wrong", "Something went wrong on our side. Please try again later."),
            _ => ("Request refused", "This request cannot be answered."),
        };
        Heading = localizer[Heading];
        Info = HttpContext.Items[ErrorPageInfo.Key] as ErrorPageInfo ?? new ErrorPageInfo(localizer[message]);
    }
}
