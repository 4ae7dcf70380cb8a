using System.ComponentModel.DataAnnotations;

namespace PaperListing.Web.Configuration;

/// <summary>The "Database" section and the "Papers" connection string.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (embedded, the default) or "Postgres" (shared by several replicas).</summary>
    [RegularExpression("^(?i:sqlite|postgres|postgresql)$", ErrorMessage = "Database:Provider must be Sqlite or Postgres")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// ConnectionStrings:Papers, with a relative SQLite file taken from the content root; set by the settings registry
    /// (not bound from this section, hence not public to the binder).
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "ConnectionStrings:Papers must be set")]
    public string ConnectionString { get; internal set; } = "";

    /// <summary>SQLite: how long a page waits for a database file another process holds locked before it is answered 503.</summary>
    [Range(1, 300, ErrorMessage = "Database:BusyTimeoutSeconds must be between 1 and 300")]
    public int BusyTimeoutSeconds { get; set; } = 5;

    public bool IsPostgres => Provider.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
}
