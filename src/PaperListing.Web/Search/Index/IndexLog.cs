namespace PaperListing.Web.Search.Index;

/// <summary>The search index's log lines, source-generated so a line costs nothing when its level is off.</summary>
internal static partial class IndexLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Search index built: {Papers} papers in {Seconds:F1} s, in {Folder}")]
    public static partial void IndexBuilt(this ILogger logger, int papers, double seconds, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index of {Papers} papers opened from {Folder}")]
    public static partial void IndexOpened(this ILogger logger, int papers, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index in {Folder} cannot be read ({Reason}): building it again")]
    public static partial void IndexUnreadable(this ILogger logger, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index could not be built ({Reason}): searches ask the database instead")]
    public static partial void IndexBuildFailed(this ILogger logger, Exception exception, string reason);
}
