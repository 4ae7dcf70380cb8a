using Serilog;
using Serilog.Formatting.Compact;

namespace PaperListing.Web.Logging;

/// <summary>
/// Serilog from configuration, written as plain text or, with LogFormat=json, as compact JSON lines. Each host keeps
/// its own logger (the static one stays the bootstrap logger), so several hosts in one process never mix their logs.
/// </summary>
public static class LogSetup
{
    public static IServiceCollection AddPaperListingLogging(this IServiceCollection services, IConfiguration configuration)
    {
        var json = string.Equals(configuration["LogFormat"], "json", StringComparison.OrdinalIgnoreCase);
        return services.AddSerilog((_, logger) =>
        {
            logger.ReadFrom.Configuration(configuration).Enrich.FromLogContext();
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        }, preserveStaticLogger: true, writeToProviders: true);
    }
}
