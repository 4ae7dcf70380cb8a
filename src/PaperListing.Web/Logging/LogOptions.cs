using System.ComponentModel.DataAnnotations;

namespace PaperListing.Web.Logging;

/// <summary>The "LogFormat" setting: how the console log is written.</summary>
public sealed class LogOptions
{
    /// <summary>"text" (the default, also when empty) or "json": one Serilog compact-JSON object a line, for a log collector.</summary>
    [RegularExpression("^(?i:text|json)?$", ErrorMessage = "LogFormat must be text or json")]
    public string LogFormat { get; set; } = "";

    public bool IsJson => string.Equals(LogFormat, "json", StringComparison.OrdinalIgnoreCase);
}
