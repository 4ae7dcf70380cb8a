using System.ComponentModel.DataAnnotations;

namespace PaperListing.Web.Configuration;

/// <summary>The "Seeds" section: where the listing dumps are read from.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seeds";

    /// <summary>The seeds folder; a relative path is taken from the app's content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Seeds:Path must name the seeds folder")]
    public string Path { get; set; } = "";

    /// <summary>Files larger than this are skipped with a log line.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Seeds:MaxFileBytes must be a positive number of bytes")]
    public long MaxFileBytes { get; set; } = 1L << 30;

    /// <summary>How long a request waits for a running import before it is answered 503.</summary>
    [Range(0, 3600, ErrorMessage = "Seeds:RequestWaitSeconds must be between 0 and 3600")]
    public int RequestWaitSeconds { get; set; } = 20;
}
