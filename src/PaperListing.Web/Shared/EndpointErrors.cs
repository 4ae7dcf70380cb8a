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

    /// <summary>The 404 for a page past a list's last, linking the last page.</summary>
    public static IResult NotFound(HttpContext context, Paging.PastEndRefusal refusal) =>
        NotFound(context, refusal.Message, refusal.LinkText, refusal.LinkHref);
}
