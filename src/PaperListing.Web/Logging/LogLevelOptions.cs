using System.ComponentModel.DataAnnotations;

namespace PaperListing.Web.Logging;

/// <summary>
/// The "Serilog:MinimumLevel" section's default level. Serilog reads it itself (with its overrides); it is bound here
/// only to be checked, so a misspelt level stops the app naming the setting rather than the value alone.
/// </summary>
public sealed class LogLevelOptions
{
    public const string Section = "Serilog:MinimumLevel";

    /// <summary>The least important level written.</summary>
    [RegularExpression("^(?i:verbose|debug|information|warning|error|fatal)$",
        ErrorMessage = "Serilog:MinimumLevel:Default must be Verbose, Debug, Information, Warning, Error or Fatal")]
    public string Default { get; set; } = "Information";
}
