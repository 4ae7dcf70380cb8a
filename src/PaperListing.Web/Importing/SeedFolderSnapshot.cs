namespace PaperListing.Web.Importing;

/// <summary>
/// What the seeds folder holds at one moment: each <c>*.txt</c> file's name, size and write time. Two equal snapshots
/// some seconds apart mean nothing is being written there.
/// </summary>
public sealed record SeedFolderSnapshot(string Files)
{
    public static SeedFolderSnapshot Of(string folder)
    {
        try
        {
            var files = new DirectoryInfo(folder).EnumerateFiles("*.txt")
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => $"{f.Name}\t{f.Length}\t{f.LastWriteTimeUtc.Ticks}");
            return new SeedFolderSnapshot(string.Join('\n', files));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder missing or out of reach for a moment (a remount): seen as empty, so nothing is imported meanwhile.
            return new SeedFolderSnapshot("(unreadable)");
        }
    }

    public bool IsReadable => Files != "(unreadable)";
}
