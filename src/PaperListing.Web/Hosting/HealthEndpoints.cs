using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperListing.Web.Importing;

namespace PaperListing.Web.Hosting;

/// <summary>
/// The two probes container platforms and load balancers ask: liveness (<c>/livez</c>: 200 whenever the process can
/// answer at all, so a restart is asked for only when it cannot) and readiness (<c>/healthz</c>: 503 while the first
/// import runs or after it failed, so traffic goes elsewhere meanwhile). Neither is held, limited or logged when fine.
/// </summary>
public static class HealthEndpoints
{
    public const string Liveness = "/livez";
    public const string Readiness = "/healthz";
    private const string ReadyTag = "ready";

    public static bool IsProbe(PathString path) => path.StartsWithSegments(Readiness) || path.StartsWithSegments(Liveness);

    public static IServiceCollection AddPaperListingHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ImportStatus>("import", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapPaperListingHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(Readiness, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        });
        // No check at all: answering is the proof of life.
        app.MapHealthChecks(Liveness, new HealthCheckOptions { Predicate = _ => false });
        return app;
    }
}
