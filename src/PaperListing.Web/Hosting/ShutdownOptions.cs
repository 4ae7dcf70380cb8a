using System.ComponentModel.DataAnnotations;

namespace PaperListing.Web.Hosting;

/// <summary>The "ShutdownTimeoutSeconds" setting: how long a stop waits for requests in progress and the import.</summary>
public sealed class ShutdownOptions
{
    /// <summary>Kept below the 10 s a container runtime waits after SIGTERM before it kills the process.</summary>
    [Range(0, 3600, ErrorMessage = "ShutdownTimeoutSeconds must be between 0 and 3600")]
    public int ShutdownTimeoutSeconds { get; set; } = 8;
}
