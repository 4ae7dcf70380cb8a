using System.ComponentModel.DataAnnotations;

namespace PaperListing.Web.Configuration;

/// <summary>The "PathBase" setting: the prefix the site is served under behind a proxy, e.g. "/reading-list".</summary>
public sealed class PathBaseOptions
{
    /// <summary>Empty (the site at the root) or a path starting with "/"; a trailing "/" is dropped.</summary>
    [RegularExpression(@"^(/[^/?#\s]+)*/?$", ErrorMessage = "PathBase must be empty or a path such as /reading-list")]
    public string PathBase { get; set; } = "";
}
