using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaperListing.Web.Caching;
using PaperListing.Web.Configuration;
using PaperListing.Web.Data;
using PaperListing.Web.Search;
using PaperListing.Web.Importing.Parsing;

namespace PaperListing.Web.Importing;

/// <summary>
/// Brings the database in step with the seeds folder: every <c>*.txt</c> file in file-name order, each in its own
/// transaction. A file is unchanged, and skipped without being read, when its size and last-write time match its
/// stamp; otherwise its SHA-256 decides (same content: only its stamp is renewed). Changed files replace their own
/// papers, removed files' papers go. A bad file is skipped with one log line and never stops the import.
/// </summary>
public sealed class SeedImporter(
    IDbContextFactory<PapersDbContext> dbFactory,
    IOptions<SeedOptions> options,
    IImportTuning tuning,
    IPaperSearch search,
    ContentVersion version,
    Papers.SmallTables smallTables,
    Metrics.SiteMetrics metrics,
    ILogger<SeedImporter> logger)
{
    public ImportReport Import(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        var seeds = options.Value;
        using var db = dbFactory.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        tuning.BeforeImport(connection);
        var writer = new SeedFileWriter(connection, tuning, search);
        using var tuned = new TuningScope(tuning, connection, writer, cancellationToken);
        var known = db.SeedFiles.AsNoTracking().ToDictionary(f => f.FileName, StringComparer.Ordinal);

        int read = 0, unchanged = 0, skipped = 0, removed = 0, failed = 0, imported = 0, entriesSkipped = 0, diagnostics = 0;
        if (!Directory.Exists(seeds.Path))
        {
            logger.NoSeedsFolder(seeds.Path);
            return Finish();
        }

        var files = Directory.EnumerateFiles(seeds.Path, "*.txt")
            .Select(path => new FileInfo(path))
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .ToList();
        var totalBytes = Math.Max(1, files.Sum(f => f.Length));
        long doneBytes = 0;

        foreach (var gone in known.Keys.Except(files.Select(f => f.Name), StringComparer.Ordinal).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                writer.RemoveFile(known[gone]);
                removed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !Resilience.DatabaseOutage.IsOutage(ex))
            {
                failed++;
                logger.GoneNotRemoved(gone, ex.Message);
                continue;
            }
            logger.GoneRemoved(gone);
        }

        var progress = Stopwatch.StartNew();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            read++;
            known.TryGetValue(file.Name, out var previous);
            if (file.Length > seeds.MaxFileBytes)
            {
                skipped++;
                logger.TooLarge(file.Name, file.Length, seeds.MaxFileBytes, previous is null ? "" : "; its earlier import is kept");
                continue;
            }
            if (previous is not null && previous.Length == file.Length && previous.LastWriteTicks == file.LastWriteTimeUtc.Ticks)
            {
                unchanged++;
                doneBytes += file.Length;
                continue;
            }
            var stamp = new SeedFileStamp(file.Name, file.Length, HashOf(file), SeedFileStamp.TrustedTicks(file, started));
            if (previous is not null && previous.ContentHash == stamp.ContentHash)
            {
                unchanged++;
                doneBytes += file.Length;
                if (previous.Length != stamp.Length || previous.LastWriteTicks != stamp.TrustedLastWriteTicks)
                {
                    writer.Restamp(previous, stamp);
                }
                continue;
            }
            using var stream = file.OpenRead();
            var parser = SeedFileParser.Open(stream);
            if (parser.Header is null)
            {
                skipped++;
                logger.FileSkipped(file.Name, parser.FileError, previous is null ? "" : "; its earlier import is kept");
                continue;
            }
            try
            {
                var entries = ReadAhead.Of(parser.ReadEntries().Select(PreparedEntry.From), cancellationToken);
                imported += writer.ImportFile(stamp, parser.Header, entries, previous, cancellationToken);
            }
            // The database out of reach fails the whole import, which is run again once it is back (ImportRetryStrategy).
            catch (Exception ex) when (ex is not OperationCanceledException && !Resilience.DatabaseOutage.IsOutage(ex))
            {
                failed++;
                logger.FileNotWritten(file.Name, ex.Message);
                continue;
            }
            foreach (var diagnostic in parser.Diagnostics)
            {
                diagnostics++;
                if (diagnostic.Reason.EndsWith("skipped", StringComparison.Ordinal))
                {
                    entriesSkipped++;
                }
                logger.EntryDiagnostic(file.Name, diagnostic.Line, diagnostic.Reason);
            }
            doneBytes += file.Length;
            if (progress.Elapsed > TimeSpan.FromSeconds(2))
            {
                progress.Restart();
                logger.Progress(100.0 * doneBytes / totalBytes, imported, imported / Math.Max(clock.Elapsed.TotalSeconds, 0.001));
            }
        }
        return Finish();

        ImportReport Finish()
        {
            writer.Finish();
            var papers = ContentVersion.PapersFingerprint(
                db.SeedFiles.AsNoTracking().Select(f => new { f.FileName, f.ContentHash }).AsEnumerable().Select(f => (f.FileName, f.ContentHash)));
            var numbering = Stopwatch.StartNew();
            if (PaperListPositions.Refresh(connection, tuning, papers))
            {
                logger.ListsNumbered(numbering.Elapsed.TotalSeconds);
            }
            smallTables.Invalidate();
            version.UpdatePapersAsync(papers, CancellationToken.None).GetAwaiter().GetResult();
            var report = new ImportReport(read, unchanged, skipped, removed, failed,
                db.Listings.Count(), db.Papers.Count(), db.Authors.Count(), db.Subjects.Count(),
                imported, entriesSkipped, diagnostics, Math.Round(clock.Elapsed.TotalSeconds, 2));
            logger.ImportDone(report.FilesRead, report.FilesUnchanged, report.FilesSkipped, report.FilesRemoved, report.FilesFailed, report.Listings, report.Papers,
                report.Authors, report.Subjects, report.EntriesImported, report.EntriesSkipped, report.Diagnostics, report.Seconds);
            metrics.ImportDone(report.Papers, report.Listings, report.Seconds, report.EntriesSkipped, report.FilesFailed);
            return report;
        }
    }

    /// <summary>
    /// Undoes the import's database tuning however the import ends; deferred indexes are built unless the app is
    /// shutting down (then the next start builds them, before it reads anything).
    /// </summary>
    private sealed class TuningScope(IImportTuning tuning, System.Data.Common.DbConnection connection, SeedFileWriter writer,
        CancellationToken cancellationToken) : IDisposable
    {
        public void Dispose()
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                // The database went away: the session's settings went with it, and the next run builds deferred indexes.
                return;
            }
            try
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    writer.Finish();
                }
            }
            finally
            {
                tuning.AfterImport(connection);
            }
        }
    }

    private static string HashOf(FileInfo file)
    {
        using var stream = file.OpenRead();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
