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

    /// <summary>Whether seed files added, changed or removed while the site runs are imported (without a restart).</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How often the seeds folder is looked at for changes.</summary>
    [Range(0.1, 3600, ErrorMessage = "Seeds:WatchIntervalSeconds must be between 0.1 and 3600")]
    public double WatchIntervalSeconds { get; set; } = 2;

    /// <summary>How long the folder must stay unchanged before it is imported: a file still being copied is not read half-written.</summary>
    [Range(0, 3600, ErrorMessage = "Seeds:WatchQuietSeconds must be between 0 and 3600")]
    public double WatchQuietSeconds { get; set; } = 2;

    /// <summary>How long a request waits for a running import before it is answered 503.</summary>
    [Range(0, 3600, ErrorMessage = "Seeds:RequestWaitSeconds must be between 0 and 3600")]
    public int RequestWaitSeconds { get; set; } = 20;
}
