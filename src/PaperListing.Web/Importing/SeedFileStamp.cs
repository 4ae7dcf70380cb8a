namespace PaperListing.Web.Importing;

/// <summary>
/// What the import knows of a seed file on disk: its name, length, content hash and last write time. The write time
/// is trusted (kept, to skip hashing an unchanged file next start) only when it is older than the import by a
/// margin: a file written within that margin could change again without its time moving on a coarse clock.
/// </summary>
internal sealed record SeedFileStamp(string FileName, long Length, string ContentHash, long? TrustedLastWriteTicks)
{
    public static readonly TimeSpan TrustMargin = TimeSpan.FromSeconds(5);

    public static long? TrustedTicks(FileInfo file, DateTime importStartedUtc) =>
        file.LastWriteTimeUtc < importStartedUtc - TrustMargin ? file.LastWriteTimeUtc.Ticks : null;
}
