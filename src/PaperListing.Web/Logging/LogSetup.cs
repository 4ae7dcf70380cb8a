using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace PaperListing.Web.Logging;

/// <summary>Serilog from configuration, written as plain text or, with LogFormat=json, as compact JSON lines.</summary>
public static class LogSetup
{
    /// <summary>
    /// The logger for the lines written before the host's own exists (and for a failure to build it), in the same
    /// format, read from the environment and command line; CreateLogger, since several test hosts share one process.
    /// </summary>
    public static Serilog.ILogger CreateStartupLogger(string[] args)
    {
        var format = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build()["LogFormat"];
        return WriteToConsole(new LoggerConfiguration(), IsJson(format)).CreateLogger();
    }

    public static IServiceCollection AddPaperListingLogging(this IServiceCollection services, IConfiguration configuration)
    {
        var json = IsJson(configuration["LogFormat"]);
        // The host keeps its own logger (preserveStaticLogger): with several hosts in one process (the tests), the
        // process-wide one may belong to another host, or be closed by it.
        return services.AddSerilog((_, logger) => WriteToConsole(logger.ReadFrom.Configuration(configuration).Enrich.FromLogContext(), json),
            preserveStaticLogger: true, writeToProviders: true);
    }

    /// <summary>
    /// One line per request, with the address as the client asked for it (scheme, host and path base as forwarded),
    /// written by this host's logger rather than the process-wide one.
    /// </summary>
    public static IApplicationBuilder UsePaperListingRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod:l} {RequestScheme:l}://{RequestHost:l}{RequestPathBase:l}{RequestPath:l} " +
                "responded {StatusCode} in {Elapsed:0.0000} ms for {ClientAddress:l}";
            // Health probes come every few seconds from the container runtime: seen only when they fail. A 503 is the
            // site's own "not ready yet" (importing, stopping), a warning; any other 5xx is an error.
            options.GetLevel = (context, _, exception) => (exception, context.Response.StatusCode) switch
            {
                (not null, _) => LogEventLevel.Error,
                (_, 200) when Hosting.HealthEndpoints.IsProbe(context.Request.Path) => LogEventLevel.Debug,
                (_, StatusCodes.Status503ServiceUnavailable) => LogEventLevel.Warning,
                (_, >= 500) => LogEventLevel.Error,
                _ => LogEventLevel.Information,
            };
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("RequestScheme", context.Request.Scheme);
                diagnostics.Set("RequestHost", context.Request.Host.Value);
                diagnostics.Set("RequestPathBase", context.Request.PathBase.Value);
                diagnostics.Set("ClientAddress", context.Connection.RemoteIpAddress?.ToString());
            };
        });

    private static bool IsJson(string? format) => string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);

    private static LoggerConfiguration WriteToConsole(LoggerConfiguration logger, bool json) => json
        ? logger.WriteTo.Console(new RenderedCompactJsonFormatter())
        : logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
}
