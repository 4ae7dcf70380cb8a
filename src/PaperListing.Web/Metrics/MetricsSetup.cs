using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using PaperListing.Web.Configuration;

namespace PaperListing.Web.Metrics;

/// <summary>
/// /metrics in the Prometheus text format through OpenTelemetry: ASP.NET Core's own HTTP server instruments, the .NET
/// runtime's, the database clients' and the site's (<see cref="SiteMetrics"/>). Off unless Metrics:Enabled; with
/// Metrics:Port, answered only on that port, so the public one never shows it.
/// </summary>
public static class MetricsSetup
{
    public static IServiceCollection AddPaperListingMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SiteMetrics>();
        // Whether to collect at all is decided while the services are registered, before the host exists.
        if (!EarlySettings.Read<MetricsOptions>(configuration, MetricsOptions.Section).Enabled)
        {
            return services;
        }
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(SiteMetrics.MeterName, "Microsoft.EntityFrameworkCore", "Npgsql")
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>Answers /metrics (on Metrics:Port when set) before the import gate and the rate limits: a scrape is never held or refused.</summary>
    public static IApplicationBuilder UsePaperListingMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.Enabled)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                context.Request.Path == MetricsOptions.Path && (options.Port == 0 || context.Connection.LocalPort == options.Port));
        }
        return app;
    }
}
