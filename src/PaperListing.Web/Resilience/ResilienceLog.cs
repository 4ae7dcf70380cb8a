namespace PaperListing.Web.Resilience;

/// <summary>The resilience layer's log lines, source-generated so a line costs nothing when its level is off.</summary>
internal static partial class ResilienceLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Busy: {Limit} requests already reading the database and {Queue} waiting; {Refused} answered 503 so far")]
    public static partial void Busy(this ILogger logger, int limit, int queue, long refused);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database answers again after {Seconds:0.0} s")]
    public static partial void DatabaseBack(this ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database has not answered for {Seconds:0.0} s: {Reason}")]
    public static partial void DatabaseSilent(this ILogger logger, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database (ConnectionStrings:Papers) could not be reached for the import: {Reason}; trying again for about a minute")]
    public static partial void ImportRetrying(this ILogger logger, string reason);
}
