using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;

namespace PaperListing.Web.Protection;

/// <summary>The server-side defences, from what ASP.NET Core gives: rate limits, request timeouts, cookie policy, HSTS.</summary>
public static class ProtectionSetup
{
    public static IServiceCollection AddPaperListingProtection(this IServiceCollection services)
    {
        services.AddPaperListingRateLimits();
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<RequestLimitOptions>>((timeouts, limits) =>
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(limits.Value.TimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            });
        // Cookies (a language choice, antiforgery) stay on this site, out of scripts' reach, and secure over HTTPS.
        services.Configure<CookiePolicyOptions>(cookies =>
        {
            cookies.MinimumSameSitePolicy = SameSiteMode.Lax;
            cookies.Secure = CookieSecurePolicy.SameAsRequest;
            cookies.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
        });
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return services;
    }
}
