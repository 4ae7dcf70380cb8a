namespace PaperListing.Web.Caching;

/// <summary>The page cache's log lines, source-generated so a line costs nothing when its level is off.</summary>
internal static partial class CachingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Serving papers version {Version}; cached pages evicted")]
    public static partial void ServingVersion(this ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for changes to the papers: {Reason}; trying again")]
    public static partial void ChangeCheckFailed(this ILogger logger, string reason);
}
