using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace PaperListing.Web.Logging;

/// <summary>Serilog from configuration, written as plain text or, with LogFormat=json, as compact JSON lines.</summary>
public static class LogSetup
{
    /// <summary>
    /// The logger for the lines written before the host's own exists (and for a failure to build it), in the same
    /// format; CreateLogger, since several test hosts share one process. LogFormat is read this early, from the
    /// environment and command line only, because the host that reads appsettings.json is not built yet. A value the
    /// settings' rules refuse gives plain text here, so that the host's validation can say, in this logger's line,
    /// which setting is wrong.
    /// </summary>
    public static Serilog.ILogger CreateStartupLogger(string[] args)
    {
        var early = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        bool json;
        try
        {
            json = EarlySettings.Read<LogOptions>(early, "").IsJson;
        }
        catch (OptionsValidationException)
        {
            json = false;
        }
        return WriteToConsole(new LoggerConfiguration(), json).CreateLogger();
    }

    public static IServiceCollection AddPaperListingLogging(this IServiceCollection services, IConfiguration configuration) =>
        // The host keeps its own logger (preserveStaticLogger): with several hosts in one process (the tests), the
        // process-wide one may belong to another host, or be closed by it. Its settings come validated (SiteSettings),
        // the level checked before Serilog reads it.
        services.AddSerilog((provider, logger) =>
            {
                var json = provider.GetRequiredService<IOptions<LogOptions>>().Value.IsJson;
                _ = provider.GetRequiredService<IOptions<LogLevelOptions>>().Value;
                WriteToConsole(logger.ReadFrom.Configuration(configuration).Enrich.FromLogContext(), json);
            },
            preserveStaticLogger: true, writeToProviders: true);

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
                // A client refused again before its Retry-After: its first refusal was logged, not each repeat.
                (_, StatusCodes.Status429TooManyRequests) when Protection.RepeatRefusals.WasAnsweredBare(context) => LogEventLevel.Debug,
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

    private static LoggerConfiguration WriteToConsole(LoggerConfiguration logger, bool json) => json
        ? logger.WriteTo.Console(new RenderedCompactJsonFormatter())
        : logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
}
