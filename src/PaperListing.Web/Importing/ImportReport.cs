namespace PaperListing.Web.Importing;

/// <summary>What one import did, logged once as its summary.</summary>
public sealed record ImportReport(
    int FilesRead,
    int FilesUnchanged,
    int FilesSkipped,
    int FilesRemoved,
    int FilesFailed,
    int Listings,
    int Papers,
    int Authors,
    int Subjects,
    int EntriesImported,
    int EntriesSkipped,
    int Diagnostics,
    double Seconds);
