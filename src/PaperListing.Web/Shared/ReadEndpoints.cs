namespace PaperListing.Web;

/// <summary>Endpoints that only read answer HEAD as well as GET: link checkers and crawlers often ask with HEAD.</summary>
public static class ReadEndpoints
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder app, string pattern, Delegate handler) =>
        app.MapMethods(pattern, Methods, handler);
}
