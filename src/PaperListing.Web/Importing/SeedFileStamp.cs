using System.Security.Cryptography;

namespace PaperListing.Web.Importing;

/// <summary>
/// What the import knows of a seed file on disk: its name, length, content hash and last write time. The write time
/// is trusted (kept, to skip hashing an unchanged file next start) only when it is older than the import by a
/// margin: a file written within that margin could change again without its time moving on a coarse clock.
/// </summary>
internal sealed record SeedFileStamp(string FileName, long Length, string ContentHash, long? TrustedLastWriteTicks)
{
    public static readonly TimeSpan TrustMargin = TimeSpan.FromSeconds(5);

    /// <summary>The file's stamp now, its content hashed (the file is read once, whole).</summary>
    public static SeedFileStamp Read(FileInfo file, DateTime importStartedUtc) =>
        new(file.Name, file.Length, HashOf(file), TrustedTicks(file, importStartedUtc));

    private static long? TrustedTicks(FileInfo file, DateTime importStartedUtc) =>
        file.LastWriteTimeUtc < importStartedUtc - TrustMargin ? file.LastWriteTimeUtc.Ticks : null;

    private static string HashOf(FileInfo file)
    {
        using var stream = file.OpenRead();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
