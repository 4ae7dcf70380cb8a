using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace PaperListing.Web.Localization;

/// <summary>
/// English and Japanese UI: chosen by the <c>culture</c> query parameter (so a shared link opens in the sender's
/// language), then a cookie that remembers the last choice, then Accept-Language. Paper content is never translated.
/// </summary>
public static class SiteCultures
{
    public static readonly CultureInfo[] Supported = [new("en"), new("ja")];

    public static readonly IReadOnlyDictionary<string, string> NativeNames = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["ja"] = "日本語",
    };

    public static IServiceCollection AddSiteCultures(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        return services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = Supported;
            options.SupportedUICultures = Supported;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
        });
    }

    /// <summary>Picks the culture, and remembers a choice made through the address in a cookie.</summary>
    public static IApplicationBuilder UseSiteCultures(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        return app.Use((context, next) =>
        {
            var chosen = context.Features.Get<IRequestCultureFeature>();
            if (chosen?.Provider is QueryStringRequestCultureProvider)
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(chosen.RequestCulture),
                    new CookieOptions
                    {
                        Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
                        MaxAge = TimeSpan.FromDays(365),
                        SameSite = SameSiteMode.Lax,
                        HttpOnly = true,
                        Secure = context.Request.IsHttps,
                        IsEssential = true,
                    });
            }
            return next(context);
        });
    }

    /// <summary>A date as the visitor's language writes it: 2017-05-10 in English (as the source), 2017年5月10日 in Japanese.</summary>
    public static string FormatDate(DateOnly date) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja"
            ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The current address with another language chosen, for the language selector; a page that knows its query's
    /// canonical form (a search) gives it, so this link too has its parameters in that form.
    /// </summary>
    public static string WithCulture(HttpRequest request, string culture, string? canonicalQuery = null)
    {
        if (canonicalQuery is not null)
        {
            return $"{request.PathBase}{request.Path}{canonicalQuery}{(canonicalQuery.Length == 0 ? "?" : "&")}culture={Uri.EscapeDataString(culture)}";
        }
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, "culture", StringComparison.OrdinalIgnoreCase) && !string.Equals(p.Key, "ui-culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("culture", culture));
        return $"{request.PathBase}{request.Path}{QueryString.Create(query)}";
    }
}
