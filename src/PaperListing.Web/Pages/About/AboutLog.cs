namespace PaperListing.Web.Pages.About;

/// <summary>The about page's log line, source-generated so it costs nothing when its level is off.</summary>
internal static partial class AboutLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "No about.md beside the seeds: /about shows the built-in page; write about.md there to say what this site is")]
    public static partial void NoAboutFile(this ILogger logger);
}
