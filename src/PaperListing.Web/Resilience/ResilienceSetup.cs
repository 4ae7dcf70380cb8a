using Microsoft.AspNetCore.Diagnostics;

namespace PaperListing.Web.Resilience;

/// <summary>
/// What keeps the site answering while its database is away: the health check that reports it, the backpressure in
/// front of it, and failures caused by it answered 503 (with Retry-After) rather than 500.
/// </summary>
public static class ResilienceSetup
{
    public static IServiceCollection AddPaperListingResilience(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        // One instance: it remembers how long the database has been failing across checks.
        services.AddSingleton<DatabaseHealthCheck>();
        // One crawler's turn for the whole process, shared by every request's backpressure.
        services.AddSingleton<CrawlPageBudget>();
        // Tagged "ready": it says whether to send this replica traffic, not whether to restart it.
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// The friendly error page for every failure; a database out of reach is answered 503 there, and not logged with a
    /// stack trace per request (the health check logs the outage once).
    /// </summary>
    public static ExceptionHandlerOptions ExceptionHandling(string errorPath) => new()
    {
        ExceptionHandlingPath = errorPath,
        StatusCodeSelector = exception => DatabaseOutage.IsOutage(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
        SuppressDiagnosticsCallback = context => DatabaseOutage.IsOutage(context.Exception),
    };

    /// <summary>Requests that reach the database (not the page cache's) wait their turn; error pages never do.</summary>
    public static IApplicationBuilder UseDatabaseBackpressure(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Features.Get<IStatusCodeReExecuteFeature>() is null && context.Features.Get<IExceptionHandlerFeature>() is null,
            branch => branch.UseMiddleware<DatabaseBackpressure>());
}
