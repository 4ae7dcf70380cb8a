namespace PaperListing.Web.Importing;

/// <summary>The import's log lines, source-generated so a line costs nothing when its level is off.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The database went away during the import: importing again (attempt {Attempt}); files already written are kept")]
    public static partial void ImportingAgain(this ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database (ConnectionStrings:Papers) could not be reached for the import: {Reason}")]
    public static partial void UnreachableForImport(this ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import stopped by shutdown; every finished file is kept, the file in progress was rolled back")]
    public static partial void StoppedByShutdown(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database (ConnectionStrings:Papers) could not be reached: {Reason}")]
    public static partial void DatabaseUnreachable(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import failed: {Reason}")]
    public static partial void ImportFailed(this ILogger logger, Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seeds folder {SeedsPath} does not exist (setting Seeds:Path); serving what the database holds")]
    public static partial void NoSeedsFolder(this ILogger logger, string seedsPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed file {SeedFile} is gone, but its papers could not be removed: {Reason}")]
    public static partial void GoneNotRemoved(this ILogger logger, string seedFile, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed file {SeedFile} is gone: its papers were removed")]
    public static partial void GoneRemoved(this ILogger logger, string seedFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed file {SeedFile} skipped: {Size} bytes is over the limit of {Limit} (Seeds:MaxFileBytes){Kept}")]
    public static partial void TooLarge(this ILogger logger, string seedFile, long size, long limit, string kept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed file {SeedFile} skipped: {Reason}{Kept}")]
    public static partial void FileSkipped(this ILogger logger, string seedFile, string? reason, string kept);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed file {SeedFile} could not be written to the database, which is unchanged for it: {Reason}")]
    public static partial void FileNotWritten(this ILogger logger, string seedFile, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed file {SeedFile} line {SeedLine}: {Reason}")]
    public static partial void EntryDiagnostic(this ILogger logger, string seedFile, int seedLine, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {Percent:0}% done: {Papers} papers, {Rate:0} papers/s")]
    public static partial void Progress(this ILogger logger, double percent, int papers, double rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Author, subject and field lists numbered in {Seconds:0.0} s")]
    public static partial void ListsNumbered(this ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Import done: {FilesRead} files read ({FilesUnchanged} unchanged, {FilesSkipped} skipped, {FilesRemoved} removed, {FilesFailed} failed); " +
        "{Listings} listings, {Papers} papers, {Authors} authors, {Subjects} subjects; {EntriesImported} entries imported, " +
        "{EntriesSkipped} skipped, {Diagnostics} warnings; {Seconds} s")]
    public static partial void ImportDone(this ILogger logger, int filesRead, int filesUnchanged, int filesSkipped, int filesRemoved, int filesFailed,
        int listings, int papers, int authors, int subjects, int entriesImported, int entriesSkipped, int diagnostics, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeds folder {SeedsPath} changed: importing it again")]
    public static partial void SeedsChanged(this ILogger logger, string seedsPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "Importing the changed seeds folder failed, the papers served are unchanged; trying again in {Seconds} s: {Reason}")]
    public static partial void ReimportFailed(this ILogger logger, double seconds, string reason);
}
