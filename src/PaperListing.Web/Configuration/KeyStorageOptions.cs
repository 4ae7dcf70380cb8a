namespace PaperListing.Web.Configuration;

/// <summary>The "DataProtection" section: where ASP.NET Core keeps the keys that protect cookies and form tokens.</summary>
public sealed class KeyStorageOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// The keys folder; a relative path is taken from the content root. Empty keeps ASP.NET Core's default (the
    /// user's profile), which a read-only container does not have.
    /// </summary>
    public string KeysPath { get; set; } = "";
}
