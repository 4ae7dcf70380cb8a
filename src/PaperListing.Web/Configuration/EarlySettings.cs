using Microsoft.Extensions.Options;

namespace PaperListing.Web.Configuration;

/// <summary>
/// A setting needed before the host's services exist (the startup logger's format, whether metrics are collected at
/// all), read with the same binding and the same rules as <see cref="SiteSettings"/> applies at startup, so a bad
/// value is refused with the same message wherever it is read first.
/// </summary>
public static class EarlySettings
{
    /// <summary>Binds <typeparamref name="T"/> from <paramref name="path"/> ("" for the root) and validates it, or throws naming the bad setting.</summary>
    public static T Read<T>(IConfiguration configuration, string path) where T : class, new()
    {
        var options = new T();
        (path.Length == 0 ? configuration : configuration.GetSection(path)).Bind(options);
        var result = new DataAnnotationValidateOptions<T>(Options.DefaultName).Validate(Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures) : options;
    }
}
