using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace PaperListing.Web.Caching;

/// <summary>
/// The page cache (ASP.NET Core output caching: pages tagged <see cref="ContentVersion.CacheTag"/>, evicted when an
/// import changes the papers, keyed by the content's version, the language and the accepted encodings) and page
/// compression.
/// </summary>
public static class CachingSetup
{
    public const string PagePolicy = "pages";

    public static IServiceCollection AddPaperListingCaching(this IServiceCollection services)
    {
        services.AddSingleton<ContentVersion>();
        services.AddSingleton<PapersRefresh>();
        services.AddHostedService<DataChangeWatch>();
        services.AddSingleton<Sweepers>();
        services.AddSingleton<CacheHitFlow>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<CachingOptions>>((options, caching) =>
        {
            options.SizeLimit = caching.Value.OutputCacheMegabytes * 1024L * 1024L;
            // "/papers/QEBZ…" redirects to "/papers/qebz…": addresses differing in case are different pages.
            options.UseCaseSensitivePaths = true;
            options.AddPolicy(PagePolicy, policy =>
            {
                if (!caching.Value.OutputCache)
                {
                    policy.NoCache();
                    return;
                }
                policy.AddPolicy<PageCacheCounting>()
                    .AddPolicy<SweepAdmission>()
                    .Tag(ContentVersion.CacheTag)
                    .Expire(TimeSpan.FromDays(1))
                    .SetVaryByHeader(Microsoft.Net.Http.Headers.HeaderNames.AcceptEncoding)
                    .VaryByValue(context => new KeyValuePair<string, string>("content", context.RequestServices.GetRequiredService<ContentVersion>().Content))
                    .VaryByValue(context => new KeyValuePair<string, string>("language", System.Globalization.CultureInfo.CurrentUICulture.Name))
                    // The key sorts a parameter's repeated values, but a reading list's order (p=…&p=…) is its content.
                    .VaryByValue(context => new KeyValuePair<string, string>("query", context.Request.QueryString.Value ?? ""));
            });
        });
        services.AddResponseCompression(options =>
        {
            // Pages hold nothing secret (no cookies, no tokens), so compressing them over HTTPS gives BREACH nothing to find.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Compresses pages when the setting allows; inside the page cache, so a cached page is compressed once.</summary>
    public static IApplicationBuilder UsePageCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => context.RequestServices.GetRequiredService<IOptions<CachingOptions>>().Value.Compression,
            branch => branch.UseResponseCompression());
}
