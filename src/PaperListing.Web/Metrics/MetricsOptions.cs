using System.ComponentModel.DataAnnotations;

namespace PaperListing.Web.Metrics;

/// <summary>The "Metrics" section: whether /metrics is served, and on which of the listening ports.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";
    public const string Path = "/metrics";

    /// <summary>Off by default, so nothing about the server's insides is public by accident.</summary>
    public bool Enabled { get; set; }

    /// <summary>When set, /metrics answers only on connections to this local port (one of the listening addresses); 0: on every port.</summary>
    [Range(0, 65535, ErrorMessage = "Metrics:Port must be a port number (0 for every listening port)")]
    public int Port { get; set; }
}
