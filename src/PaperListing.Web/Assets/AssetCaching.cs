using Microsoft.Net.Http.Headers;

namespace PaperListing.Web.Assets;

/// <summary>
/// Static assets are linked with a content hash (<c>asp-append-version</c>): such addresses never change content, so
/// they are cached for a year; an asset asked for without its hash is revalidated.
/// </summary>
public static class AssetCaching
{
    public static StaticFileOptions Options() => new()
    {
        OnPrepareResponse = context =>
        {
            var headers = context.Context.Response.Headers;
            headers[HeaderNames.CacheControl] = context.Context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "public, no-cache";
        },
    };
}
