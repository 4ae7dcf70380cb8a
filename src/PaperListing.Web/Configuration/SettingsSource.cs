namespace PaperListing.Web.Configuration;

/// <summary>
/// Where some of the site's settings come from: an options class bound from a configuration path (each property with
/// a public setter is one setting), or one setting read by its name. <see cref="SiteSettings"/> records one for each,
/// so the settings can be listed (and checked against the README's table) from the registry itself.
/// </summary>
public sealed record SettingsSource(string Path, Type? Options = null)
{
    /// <summary>The settings' names as configuration keys ("Seeds:Path"; an environment variable writes "Seeds__Path").</summary>
    public IEnumerable<string> Names => Options is null
        ? [Path]
        : Options.GetProperties()
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => Path.Length == 0 ? p.Name : $"{Path}:{p.Name}");
}
