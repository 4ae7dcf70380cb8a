using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace PaperListing.Web.Configuration;

/// <summary>Binds and validates the settings at startup, so a bad one stops the app with a message naming it.</summary>
public static class SettingsSetup
{
    public static IServiceCollection AddPaperListingSettings(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<SeedOptions>()
            .Bind(configuration.GetSection(SeedOptions.Section))
            .PostConfigure(o => o.Path = string.IsNullOrWhiteSpace(o.Path) ? o.Path : System.IO.Path.GetFullPath(o.Path, environment.ContentRootPath))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure(o => o.ConnectionString = ResolveSqlite(configuration.GetConnectionString("Papers"), environment))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var proxy = configuration.GetSection(ProxyOptions.Section);
        services.AddOptions<ProxyOptions>()
            .Configure(o =>
            {
                o.KnownProxies = ListSetting(proxy.GetSection(nameof(ProxyOptions.KnownProxies)));
                o.KnownNetworks = ListSetting(proxy.GetSection(nameof(ProxyOptions.KnownNetworks)));
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PathBaseOptions>()
            .Bind(configuration)
            .ValidateDataAnnotations()
            .PostConfigure(o => o.PathBase = o.PathBase.TrimEnd('/'))
            .ValidateOnStart();
        services.AddOptions<KeyStorageOptions>()
            .Bind(configuration.GetSection(KeyStorageOptions.Section))
            .PostConfigure(o => o.KeysPath = string.IsNullOrWhiteSpace(o.KeysPath) ? "" : System.IO.Path.GetFullPath(o.KeysPath, environment.ContentRootPath));
        return services;
    }

    /// <summary>A list written either as one comma-separated value (handy in an environment variable) or as an array.</summary>
    private static string ListSetting(IConfigurationSection section) =>
        string.Join(',', section.GetChildren().Select(c => c.Value).Prepend(section.Value).Where(v => !string.IsNullOrWhiteSpace(v)));

    /// <summary>Makes a relative SQLite file absolute (from the content root) and creates its folder.</summary>
    private static string ResolveSqlite(string? connectionString, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "";
        }
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new OptionsValidationException("ConnectionStrings:Papers", typeof(DatabaseOptions),
                [$"ConnectionStrings:Papers is not a valid SQLite connection string: {ex.Message}"]);
        }
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal)
            && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(file, environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }
}
