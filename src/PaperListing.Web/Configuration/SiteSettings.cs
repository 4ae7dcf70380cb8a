using Microsoft.Extensions.Options;
using PaperListing.Web.Caching;
using PaperListing.Web.Hosting;
using PaperListing.Web.Logging;
using PaperListing.Web.Metrics;
using PaperListing.Web.Protection;
using PaperListing.Web.Resilience;

namespace PaperListing.Web.Configuration;

/// <summary>
/// Every setting of the site, in one place and in the order of the README's settings table: each options class (kept
/// beside the concern it serves) is bound here and validated at startup, so a bad value stops the app with a message
/// naming the setting. Two are also read before the host exists, with the same rules (<see cref="EarlySettings"/>):
/// LogFormat by the startup logger and Metrics:Enabled by the metrics setup. Kestrel's limits are validated when the
/// server reads them (<see cref="KestrelLimits"/>), which can come before the startup validation.
/// </summary>
public static class SiteSettings
{
    /// <summary>The settings ASP.NET Core reads itself, from the environment, before any of the site's code runs.</summary>
    public static readonly IReadOnlyList<string> HostSettings = ["ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT"];

    public static IServiceCollection AddPaperListingSettings(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Setting<SeedOptions>(configuration, SeedOptions.Section)
            .PostConfigure(o => o.Path = string.IsNullOrWhiteSpace(o.Path) ? o.Path : Path.GetFullPath(o.Path, environment.ContentRootPath));
        // The connection string is read for the chosen engine (a SQLite file made absolute), so it follows the provider.
        services.AddSingleton(new SettingsSource("ConnectionStrings:Papers"));
        services.Setting<DatabaseOptions>(configuration, DatabaseOptions.Section)
            .Configure(o => o.ConnectionString = DatabaseConnectionString.Resolve(o, configuration.GetConnectionString("Papers"), environment));
        services.Setting<KeyStorageOptions>(configuration, KeyStorageOptions.Section)
            .PostConfigure(o => o.KeysPath = string.IsNullOrWhiteSpace(o.KeysPath) ? "" : Path.GetFullPath(o.KeysPath, environment.ContentRootPath));
        services.Setting<LogOptions>(configuration, "");
        // Serilog reads its level itself; bound here so a misspelt level is refused naming the setting.
        services.Setting<LogLevelOptions>(configuration, LogLevelOptions.Section);
        services.Setting<PathBaseOptions>(configuration, "")
            .PostConfigure(o => o.PathBase = o.PathBase.TrimEnd('/'));
        // A list of proxies may be one comma-separated value (an environment variable) or an array (appsettings.json).
        var proxy = configuration.GetSection(ProxyOptions.Section);
        services.Setting<ProxyOptions>(configuration, ProxyOptions.Section).Configure(o =>
        {
            o.KnownProxies = ListSetting(proxy.GetSection(nameof(ProxyOptions.KnownProxies)));
            o.KnownNetworks = ListSetting(proxy.GetSection(nameof(ProxyOptions.KnownNetworks)));
        });
        // The host parses this one itself but ignores a value it cannot read: the validated value is what it gets.
        services.Setting<ShutdownOptions>(configuration, "");
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, stop) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(stop.Value.ShutdownTimeoutSeconds));
        services.Setting<RateLimitOptions>(configuration, RateLimitOptions.Section);
        services.Setting<CachingOptions>(configuration, CachingOptions.Section);
        services.Setting<Search.Index.SearchIndexOptions>(configuration, Search.Index.SearchIndexOptions.Section);
        // Pages made at once: unless set, chosen for the engine and the cores it runs on.
        services.Setting<ResilienceOptions>(configuration, ResilienceOptions.Section)
            .PostConfigure<IOptions<DatabaseOptions>>((o, database) => o.ConcurrentRequests = o.ConcurrentRequests != 0
                ? o.ConcurrentRequests
                : ResilienceOptions.ForEngine(database.Value.IsPostgres, Environment.ProcessorCount));
        services.Setting<RequestLimitOptions>(configuration, RequestLimitOptions.Section);
        services.Setting<KestrelLimitOptions>(configuration, KestrelLimitOptions.Section);
        services.Setting<MetricsOptions>(configuration, MetricsOptions.Section);
        foreach (var name in HostSettings)
        {
            services.AddSingleton(new SettingsSource(name));
        }
        return services;
    }

    /// <summary>Every setting's name, as a configuration key, in the order registered above.</summary>
    public static IEnumerable<string> Names(IServiceCollection services) =>
        services.Select(d => d.IsKeyedService ? null : d.ImplementationInstance).OfType<SettingsSource>().SelectMany(s => s.Names);

    /// <summary>Binds <typeparamref name="T"/> from <paramref name="path"/> ("" for the root), validated at startup, and records where it comes from.</summary>
    private static OptionsBuilder<T> Setting<T>(this IServiceCollection services, IConfiguration configuration, string path) where T : class
    {
        services.AddSingleton(new SettingsSource(path, typeof(T)));
        return services.AddOptions<T>()
            .Bind(path.Length == 0 ? configuration : configuration.GetSection(path))
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }

    /// <summary>A list written either as one comma-separated value (handy in an environment variable) or as an array.</summary>
    private static string ListSetting(IConfigurationSection section) =>
        string.Join(',', section.GetChildren().Select(c => c.Value).Prepend(section.Value).Where(v => !string.IsNullOrWhiteSpace(v)));
}
