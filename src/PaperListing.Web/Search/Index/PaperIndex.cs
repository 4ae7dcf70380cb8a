using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;
using PaperListing.Web.Data;

namespace PaperListing.Web.Search.Index;

/// <summary>
/// This process's search index: derived from the database, kept in a folder named by the data stamp it was built
/// from (the row every import rewrites), so a restart over the same papers opens it again and a change of papers,
/// here or by another replica, is noticed at the next search. Until the index of the current stamp is built, search
/// asks the database, whose answers are the same papers; the first build, right after the startup import, is waited
/// for on a small site. Several processes may share the folder: each builds into a folder of its own and renames it
/// into place.
/// </summary>
public sealed class PaperIndex(
    IDbContextFactory<PapersDbContext> dbFactory,
    IOptions<SearchIndexOptions> options,
    IOptions<DatabaseOptions> database,
    IHostEnvironment environment,
    Importing.ImportStatus status,
    ILogger<PaperIndex> logger) : IDisposable
{
    /// <summary>How long a search waits for the first index before asking the database.</summary>
    private static readonly TimeSpan FirstBuildWait = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Up to this many papers an index takes a second or so to build, and searches wait for it (so every search of a
    /// small site is answered the same way, by every replica); past it, the database answers them meanwhile.
    /// </summary>
    private const int WaitBelowPapers = 50_000;

    private readonly System.Threading.Lock _lock = new();
    private readonly TaskCompletionSource _firstBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Generation? _current;
    private Task? _building;

    public bool Enabled => options.Value.Index;

    /// <summary>The folder holding the index's generations.</summary>
    public string Folder { get; } = FolderFor(options.Value, database.Value, environment);

    /// <summary>An index opened for one data stamp; its reader closes when the last search using it ends.</summary>
    private sealed record Generation(string Stamp, DirectoryReader Reader, IndexSearcher Searcher, IReadOnlyList<FacetColumns> Columns,
        DirectoryReader NamesReader, IndexSearcher Names);

    /// <summary>One search's hold on an index: the index stays open until it is disposed.</summary>
    public sealed class Lease(IndexSearcher searcher, IReadOnlyList<FacetColumns> columns, IndexSearcher names, DirectoryReader reader) : IDisposable
    {
        public IndexSearcher Searcher { get; } = searcher;

        /// <summary>The authors' names (<see cref="AuthorNames"/>).</summary>
        public IndexSearcher Names { get; } = names;

        /// <summary>Each segment's facet columns, by the segment's place in the reader.</summary>
        public IReadOnlyList<FacetColumns> Columns { get; } = columns;

        private sealed class ClosesWith(IndexReader other) : IReaderDisposedListener
    {
        public void OnDispose(IndexReader reader) => other.Dispose();
    }

    public void Dispose() => reader.DecRef();
    }

    /// <summary>The index of the papers the database holds now, or null: the database then answers the search.</summary>
    public async Task<Lease?> AcquireAsync(PapersDbContext db, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return null;
        }
        if (!_firstBuild.Task.IsCompleted && IsSmall())
        {
            try
            {
                await _firstBuild.Task.WaitAsync(FirstBuildWait, cancellationToken);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }
        var stamp = await DataStamp.ReadAsync(db, cancellationToken) ?? "";
        var current = Volatile.Read(ref _current);
        // The papers changed: a small index is rebuilt in a moment and waited for (so replicas answer alike), a large
        // one in the background while the database answers. A build already running may be of the stamp before.
        for (var tries = 0; (current is null || current.Stamp != stamp) && tries < 2; tries++)
        {
            var building = StartBuild();
            if (!IsSmall())
            {
                return null;
            }
            try
            {
                await building.WaitAsync(FirstBuildWait, cancellationToken);
            }
            catch (TimeoutException)
            {
                return null;
            }
            current = Volatile.Read(ref _current);
        }
        if (current is null || current.Stamp != stamp)
        {
            return null;
        }
        return current.Reader.TryIncRef() ? new Lease(current.Searcher, current.Columns, current.Names, current.Reader) : null;
    }

    /// <summary>Whether the index is small enough to be waited for: under <see cref="WaitBelowPapers"/> papers, as the last index or the import counted them.</summary>
    private bool IsSmall() => (Volatile.Read(ref _current)?.Reader.NumDocs ?? status.Report?.Papers ?? 0) < WaitBelowPapers;

    /// <summary>Builds (or opens) the index of the current papers, once at a time; the first build's end releases waiting searches.</summary>
    public Task BuildAsync()
    {
        if (!Enabled)
        {
            _firstBuild.TrySetResult();
            return Task.CompletedTask;
        }
        return StartBuild();
    }

    private Task StartBuild()
    {
        lock (_lock)
        {
            if (_building is { IsCompleted: false })
            {
                return _building;
            }
            return _building = Task.Run(BuildCurrentAsync);
        }
    }

    private async Task BuildCurrentAsync()
    {
        try
        {
            string stamp;
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                stamp = await DataStamp.ReadAsync(db, CancellationToken.None) ?? "";
            }
            if (Volatile.Read(ref _current)?.Stamp == stamp)
            {
                return;
            }
            var folder = Path.Combine(Folder, $"{IndexFields.Layout}-{(stamp.Length == 0 ? "none" : stamp)}");
            var generation = Open(folder, stamp) ?? Write(folder, stamp);
            var old = Interlocked.Exchange(ref _current, generation);
            old?.Reader.DecRef();
            RemoveOthers(folder);
        }
        catch (Exception ex)
        {
            logger.IndexBuildFailed(ex, ex.Message);
        }
        finally
        {
            _firstBuild.TrySetResult();
        }
    }

    /// <summary>The index already built for this stamp (by this process before a restart, or by another replica), or null.</summary>
    private Generation? Open(string folder, string stamp)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            return null;
        }
        DirectoryReader? reader = null;
        try
        {
            reader = DirectoryReader.Open(FSDirectory.Open(Path.Combine(folder, IndexFields.PapersFolder)));
            var names = DirectoryReader.Open(FSDirectory.Open(Path.Combine(folder, IndexFields.NamesFolder)));
            // The names close with the papers' reader, when its last search ends.
            reader.AddReaderDisposedListener(new ClosesWith(names));
            logger.IndexOpened(reader.NumDocs, folder);
            return new Generation(stamp, reader, Searcher(reader), reader.Leaves.Select(leaf => FacetColumns.Read(leaf.AtomicReader)).ToList(),
                names, new IndexSearcher(names));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The papers' reader may have opened before its names failed to: closed before the folder goes.
            reader?.Dispose();
            logger.IndexUnreadable(folder, ex.Message);
            System.IO.Directory.Delete(folder, recursive: true);
            return null;
        }
    }

    private Generation Write(string folder, string stamp)
    {
        var clock = Stopwatch.StartNew();
        var building = $"{folder}.{Guid.NewGuid():N}.building";
        var papers = IndexWriting.Write(building, IndexedPaper.ReadAll(dbFactory));
        try
        {
            System.IO.Directory.Move(building, folder);
        }
        catch (IOException) when (System.IO.Directory.Exists(folder))
        {
            // Another process sharing the folder built the same papers first: theirs is used, ours dropped.
            System.IO.Directory.Delete(building, recursive: true);
        }
        logger.IndexBuilt(papers, clock.Elapsed.TotalSeconds, folder);
        return Open(folder, stamp) ?? throw new IOException($"The search index just built in {folder} cannot be opened.");
    }

    private static IndexSearcher Searcher(DirectoryReader reader) => new(reader) { Similarity = IndexFields.Similarity };

    /// <summary>Removes the other stamps' indexes, and builds abandoned for an hour; open ones stay readable until closed.</summary>
    private void RemoveOthers(string keep)
    {
        foreach (var other in new DirectoryInfo(Folder).EnumerateDirectories())
        {
            if (other.FullName == keep || (other.Name.EndsWith(".building", StringComparison.Ordinal) && other.LastWriteTimeUtc > DateTime.UtcNow.AddHours(-1)))
            {
                continue;
            }
            try
            {
                other.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Still open elsewhere (on a system that keeps open files from being deleted): removed after a later build.
            }
            catch (UnauthorizedAccessException)
            {
                // The same.
            }
        }
    }

    /// <summary>
    /// Search:IndexFolder, or beside a SQLite file ("papers.db.search"), or under the temporary folder, named by the
    /// database it derives from (replicas of one database on one machine share it).
    /// </summary>
    public static string FolderFor(SearchIndexOptions options, DatabaseOptions database, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.IndexFolder))
        {
            return Path.GetFullPath(options.IndexFolder, environment.ContentRootPath);
        }
        if (!database.IsPostgres)
        {
            var sqlite = new SqliteConnectionStringBuilder(database.ConnectionString);
            if (sqlite.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal)
                && sqlite.Mode != SqliteOpenMode.Memory)
            {
                return Path.GetFullPath(file, environment.ContentRootPath) + ".search";
            }
        }
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(database.ConnectionString)))[..16];
        return Path.Combine(Path.GetTempPath(), "paperlisting-search", database.IsPostgres ? name : $"{name}-{Environment.ProcessId}");
    }

    private sealed class ClosesWith(IndexReader other) : IReaderDisposedListener
    {
        public void OnDispose(IndexReader reader) => other.Dispose();
    }

    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Reader.DecRef();
}
