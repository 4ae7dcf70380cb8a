using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaperListing.Web.Caching;
using PaperListing.Web.Configuration;
using PaperListing.Web.Data;
using PaperListing.Web.Importing.Parsing;
using PaperListing.Web.Search;

namespace PaperListing.Web.Importing;

/// <summary>
/// Brings the database in step with the seeds folder, in three steps over a tally of what was done: plan the files
/// (removed files' papers go), import each <c>*.txt</c> file in file-name order in its own transaction, finish (lists
/// numbered, caches told, the summary logged). A file whose size and last-write time match its stamp is unchanged and
/// skipped unread; otherwise its SHA-256 decides (same content: only its stamp is renewed), and a changed file replaces
/// its own papers. A bad file is skipped with one log line and never stops the import.
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
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    public ImportReport Import(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        using var db = dbFactory.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        tuning.BeforeImport(connection);
        var writer = new SeedFileWriter(connection, tuning, search);
        using var tuned = new ImportTuningScope(tuning, connection, writer, cancellationToken);
        var tally = new ImportTally();
        if (PlanFiles(db, writer, started, tally, cancellationToken) is { } plan)
        {
            var progress = Stopwatch.StartNew();
            foreach (var file in plan.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ImportFile(file, plan, writer, tally, cancellationToken) && progress.Elapsed > ProgressInterval)
                {
                    progress.Restart();
                    logger.Progress(100.0 * tally.BytesDone / plan.TotalBytes, tally.EntriesImported,
                        tally.EntriesImported / Math.Max(clock.Elapsed.TotalSeconds, 0.001));
                }
            }
        }
        return Finish(db, writer, tally, clock);
    }

    /// <summary>
    /// The seed files to look at, in file-name order, with what the database knows of each; the papers of files gone
    /// from the folder are removed first. Null when the folder does not exist (the database is then left as it is).
    /// </summary>
    private ImportPlan? PlanFiles(PapersDbContext db, SeedFileWriter writer, DateTime started, ImportTally tally, CancellationToken cancellationToken)
    {
        var seeds = options.Value;
        var known = db.SeedFiles.AsNoTracking().ToDictionary(f => f.FileName, StringComparer.Ordinal);
        if (!Directory.Exists(seeds.Path))
        {
            logger.NoSeedsFolder(seeds.Path);
            return null;
        }
        var files = Directory.EnumerateFiles(seeds.Path, "*.txt")
            .Select(path => new FileInfo(path))
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var gone in known.Keys.Except(files.Select(f => f.Name), StringComparer.Ordinal).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                writer.RemoveFile(known[gone]);
                tally.FilesRemoved++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !Resilience.DatabaseOutage.IsOutage(ex))
            {
                tally.FilesFailed++;
                logger.GoneNotRemoved(gone, ex.Message);
                continue;
            }
            logger.GoneRemoved(gone);
        }
        return new ImportPlan(seeds, files, known, Math.Max(1, files.Sum(f => f.Length)), started);
    }

    /// <summary>
    /// One seed file: skipped when too large or not a dump, passed over when unchanged, otherwise written in one
    /// transaction and what the parser noticed logged with its file and line. True when the file was written.
    /// </summary>
    private bool ImportFile(FileInfo file, ImportPlan plan, SeedFileWriter writer, ImportTally tally, CancellationToken cancellationToken)
    {
        tally.FilesRead++;
        plan.Known.TryGetValue(file.Name, out var previous);
        var kept = previous is null ? "" : "; its earlier import is kept";
        if (file.Length > plan.Seeds.MaxFileBytes)
        {
            tally.FilesSkipped++;
            logger.TooLarge(file.Name, file.Length, plan.Seeds.MaxFileBytes, kept);
            return false;
        }
        if (previous is not null && previous.Length == file.Length && previous.LastWriteTicks == file.LastWriteTimeUtc.Ticks)
        {
            tally.Unchanged(file);
            return false;
        }
        var stamp = SeedFileStamp.Read(file, plan.StartedUtc);
        if (previous is not null && previous.ContentHash == stamp.ContentHash)
        {
            tally.Unchanged(file);
            if (previous.Length != stamp.Length || previous.LastWriteTicks != stamp.TrustedLastWriteTicks)
            {
                writer.Restamp(previous, stamp);
            }
            return false;
        }
        using var stream = file.OpenRead();
        var parser = SeedFileParser.Open(stream);
        if (parser.Header is null)
        {
            tally.FilesSkipped++;
            logger.FileSkipped(file.Name, parser.FileError, kept);
            return false;
        }
        int entries;
        try
        {
            entries = writer.ImportFile(stamp, parser.Header, ReadAhead.Of(parser.ReadEntries().Select(PreparedEntry.From), cancellationToken),
                previous, cancellationToken);
        }
        // The database out of reach fails the whole import, which is run again once it is back (ImportRetryStrategy).
        catch (Exception ex) when (ex is not OperationCanceledException && !Resilience.DatabaseOutage.IsOutage(ex))
        {
            tally.FilesFailed++;
            logger.FileNotWritten(file.Name, ex.Message);
            return false;
        }
        tally.Written(file, entries, parser.Diagnostics);
        foreach (var diagnostic in parser.Diagnostics)
        {
            logger.EntryDiagnostic(file.Name, diagnostic.Line, diagnostic.Reason);
        }
        return true;
    }

    /// <summary>Builds deferred indexes, numbers the author, subject and field lists, tells the caches, and reports.</summary>
    private ImportReport Finish(PapersDbContext db, SeedFileWriter writer, ImportTally tally, Stopwatch clock)
    {
        writer.Finish();
        var papers = ContentVersion.PapersFingerprint(
            db.SeedFiles.AsNoTracking().Select(f => new { f.FileName, f.ContentHash }).AsEnumerable().Select(f => (f.FileName, f.ContentHash)));
        var numbering = Stopwatch.StartNew();
        if (PaperListPositions.Refresh(db.Database.GetDbConnection(), tuning, papers))
        {
            logger.ListsNumbered(numbering.Elapsed.TotalSeconds);
        }
        smallTables.Invalidate();
        version.UpdatePapersAsync(papers, CancellationToken.None).GetAwaiter().GetResult();
        var report = tally.Report(db.Listings.Count(), db.Papers.Count(), db.Authors.Count(), db.Subjects.Count(), Math.Round(clock.Elapsed.TotalSeconds, 2));
        logger.ImportDone(report.FilesRead, report.FilesUnchanged, report.FilesSkipped, report.FilesRemoved, report.FilesFailed, report.Listings, report.Papers,
            report.Authors, report.Subjects, report.EntriesImported, report.EntriesSkipped, report.Diagnostics, report.Seconds);
        metrics.ImportDone(report.Papers, report.Listings, report.Seconds, report.EntriesSkipped, report.FilesFailed);
        return report;
    }

    /// <summary>What the first step found: the files in the order they are imported, the database's stamps, their total size.</summary>
    private sealed record ImportPlan(SeedOptions Seeds, IReadOnlyList<FileInfo> Files, Dictionary<string, SeedFile> Known, long TotalBytes, DateTime StartedUtc);
}
