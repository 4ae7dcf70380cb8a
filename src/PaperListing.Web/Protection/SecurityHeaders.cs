namespace PaperListing.Web.Protection;

/// <summary>
/// The browser-side defences, on every response the app writes (pages, error pages, static files, health): set as
/// the response starts, so they survive the exception handler clearing headers. A response that already carries one
/// of them keeps its own.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The site has no inline script or style, and keeps it that way.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>A listing of papers needs no device, sensor or payment feature.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), usb=()";

    private static readonly (string Name, string Value)[] Headers =
    [
        ("Content-Security-Policy", ContentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY"),
        ("Permissions-Policy", PermissionsPolicy),
    ];

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            foreach (var (name, value) in Headers)
            {
                headers.TryAdd(name, value);
            }
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
