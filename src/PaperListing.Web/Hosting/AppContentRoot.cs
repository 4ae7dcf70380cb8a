using System.Collections;

namespace PaperListing.Web.Hosting;

/// <summary>
/// Where the site reads <c>wwwroot</c> and <c>appsettings.json</c> from. ASP.NET Core's default is the current
/// directory, so a published app started elsewhere (a systemd unit, a cron job, a script) would serve no stylesheet
/// and miss its settings. Here: a content root given explicitly (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>,
/// <c>DOTNET_CONTENTROOT</c>, as the test host passes it) wins; else a published app (its folder holds
/// <c>wwwroot</c>) uses its own folder; else (a build run by <c>dotnet run</c> from its project folder, whose static
/// files come from the build's manifest) the current directory, as before.
/// </summary>
public static class AppContentRoot
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = Choose(args, Environment.GetEnvironmentVariables(), AppContext.BaseDirectory),
    };

    /// <summary>The content root to set, or null to leave it to the framework (an explicit setting, or the current directory).</summary>
    public static string? Choose(string[] args, IDictionary environment, string appFolder)
    {
        var given = new ConfigurationBuilder()
            .AddInMemoryCollection(Prefixed(environment, "DOTNET_"))
            .AddInMemoryCollection(Prefixed(environment, "ASPNETCORE_"))
            .AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey];
        if (!string.IsNullOrEmpty(given))
        {
            return null;
        }
        return Directory.Exists(Path.Combine(appFolder, "wwwroot")) ? appFolder : null;
    }

    /// <summary>The variables under a prefix, without it, as the host's own environment-variable sources read them.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> Prefixed(IDictionary environment, string prefix) =>
        environment.Cast<DictionaryEntry>()
            .Select(e => (Key: e.Key.ToString() ?? "", Value: e.Value?.ToString()))
            .Where(e => e.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(e => new KeyValuePair<string, string?>(e.Key[prefix.Length..].Replace("__", ":", StringComparison.Ordinal), e.Value));
}
