using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Caching;

/// <summary>
/// What a process keeps of the papers in memory (the small tables, the papers' version and the cached pages tagged
/// with it), brought in step with the database: after this process's import, and when another process's import
/// changed the database under it (<see cref="DataChangeWatch"/>).
/// </summary>
public sealed class PapersRefresh(SmallTables smallTables, ContentVersion version)
{
    public async Task RefreshAsync(PapersDbContext db, CancellationToken cancellationToken)
    {
        var seedFiles = await db.SeedFiles.AsNoTracking().Select(f => new { f.FileName, f.ContentHash }).ToListAsync(cancellationToken);
        smallTables.Invalidate();
        await version.UpdatePapersAsync(seedFiles.Select(f => (f.FileName, f.ContentHash)), cancellationToken);
    }
}
