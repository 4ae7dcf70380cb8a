namespace PaperListing.Web.Data;

/// <summary>The database layer's log lines, source-generated so a line costs nothing when its level is off.</summary>
internal static partial class DataLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Database schema {Stored} differs from {Current}: rebuilding it from the seeds")]
    public static partial void SchemaChanged(this ILogger logger, string stored, string current);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database created on {Engine} (schema {Schema})")]
    public static partial void DatabaseCreated(this ILogger logger, string engine, string schema);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another replica is preparing or importing the database: waiting for it")]
    public static partial void WaitingForReplica(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The other replica is done: checking the seeds")]
    public static partial void ReplicaDone(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another process is preparing or importing {Database}: waiting for it")]
    public static partial void WaitingForProcess(this ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No import lock beside {Database}: its folder is not writable")]
    public static partial void NoImportLock(this ILogger logger, string database);
}
