namespace PaperListing.Web;

/// <summary>Refusals from endpoints outside the pages (downloads, feeds): the status-code pages turn them into friendly pages.</summary>
public static class EndpointErrors
{
    public static IResult BadRequest(HttpContext context, string message, string? linkText = null, string? linkHref = null)
    {
        context.Items[ErrorPageInfo.Key] = new ErrorPageInfo(message, linkText, linkHref);
        return Results.BadRequest();
    }

    public static IResult NotFound(HttpContext context, string message, string? linkText = null, string? linkHref = null)
    {
        context.Items[ErrorPageInfo.Key] = new ErrorPageInfo(message, linkText, linkHref);
        return Results.NotFound();
    }
}
