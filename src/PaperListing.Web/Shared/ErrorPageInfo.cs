namespace PaperListing.Web;

/// <summary>What a friendly error page should say, handed from the code that refused a request to the error page.</summary>
public sealed record ErrorPageInfo(string Message, string? LinkText = null, string? LinkHref = null)
{
    public const string Key = "PaperListing.ErrorPage";
}
