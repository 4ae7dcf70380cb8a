using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Caching;

/// <summary>
/// What a replica keeps of the papers in memory (the small tables, the papers' version and the cached pages), brought
/// in step with the database after another replica's import changed it under this one (<see cref="DataChangeWatch"/>).
/// Cached pages are evicted even when the seed files are the same: the other replica may have finished numbering the
/// author and subject lists for files this one already knew.
/// </summary>
public sealed class PapersRefresh(SmallTables smallTables, ContentVersion version, IOutputCacheStore cacheStore)
{
    public async Task RefreshAsync(PapersDbContext db, CancellationToken cancellationToken)
    {
        var seedFiles = await db.SeedFiles.AsNoTracking().Select(f => new { f.FileName, f.ContentHash }).ToListAsync(cancellationToken);
        smallTables.Invalidate();
        await version.UpdatePapersAsync(ContentVersion.PapersFingerprint(seedFiles.Select(f => (f.FileName, f.ContentHash))), cancellationToken);
        await cacheStore.EvictByTagAsync(ContentVersion.CacheTag, cancellationToken);
    }
}
