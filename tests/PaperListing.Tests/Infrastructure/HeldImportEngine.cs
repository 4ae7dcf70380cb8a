using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;
using PaperListing.Web.Data;
using PaperListing.Web.Data.Engines;

namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// The test run's database engine, whose import lock is not handed out while the test holds it: the site can be
/// looked at while an import waits, as it would while another replica imports.
/// </summary>
public sealed class HeldImportEngine(DatabaseEngine inner) : DatabaseEngine
{
    private volatile TaskCompletionSource _released = Fresh();
    private volatile TaskCompletionSource _asked = Fresh();

    /// <summary>Done once an import has asked for the lock (since the last <see cref="Hold"/>).</summary>
    public Task Asked => _asked.Task;

    /// <summary>Holds the lock from now on: the next import waits until <see cref="Release"/>.</summary>
    public void Hold()
    {
        _asked = Fresh();
        _released = Fresh();
    }

    public void Release() => _released.TrySetResult();

    public override async Task<IAsyncDisposable> LockImportAsync(ILogger logger, CancellationToken cancellationToken)
    {
        _asked.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
        return await inner.LockImportAsync(logger, cancellationToken);
    }

    public override string Name => inner.Name;
    public override void Configure(DbContextOptionsBuilder options) => inner.Configure(options);
    public override IReadOnlyList<string> Tables(PapersDbContext db) => inner.Tables(db);
    public override void Drop(PapersDbContext db) => inner.Drop(db);
    public override void Create(PapersDbContext db) => inner.Create(db);
    public override SchemaExtension Extension => inner.Extension;
    public override void AfterPrepare(PapersDbContext db) => inner.AfterPrepare(db);

    private static TaskCompletionSource Fresh() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public static class HeldImportSites
{
    /// <summary>The site with its import lock held by the test until <see cref="HeldImportEngine.Release"/>.</summary>
    public static SiteFactory WithHeldImport(this SiteFactory site) => site.WithServices(services =>
        services.AddSingleton<DatabaseEngine>(sp => new HeldImportEngine(DatabaseEngineSetup.For(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<SchemaExtension>()))));

    public static HeldImportEngine HeldImport(this SiteFactory site) => (HeldImportEngine)site.Services.GetRequiredService<DatabaseEngine>();
}
