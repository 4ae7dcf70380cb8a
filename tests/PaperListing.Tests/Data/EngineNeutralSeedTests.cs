using System.Net;
using Microsoft.EntityFrameworkCore;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Data;

/// <summary>
/// Seed text that one engine would take and another refuse (a name longer than a PostgreSQL index entry may be) is
/// imported the same way on both, and its pages answer: such a name is cut, with a warning.
/// </summary>
public sealed class EngineNeutralSeedTests
{
    [Fact]
    public async Task Import_VeryLongNames_AreImportedAndServedOnEitherEngine()
    {
        // 1900 scattered CJK characters: about 5700 bytes that hardly compress, more than a PostgreSQL index entry may hold
        // (about 2700 bytes); a metadata line is at most 2000 characters.
        var longName = "Averyvery " + new string(Enumerable.Range(0, 1900).Select(i => (char)(0x4E00 + i * 7919 % 20000)).ToArray());
        var seed = TestSeeds.Dump("Odd Text", 2)
            .Replace("Author 2 ,", $"{longName} ,", StringComparison.Ordinal);
        using var site = new SiteFactory().WithSeed("001.txt", seed);

        var report = await site.ImportedAsync();

        Assert.Equal(0, report.FilesFailed);
        Assert.True(report.EntriesImported >= 2);
        using var client = site.CreateNoRedirectClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/related/odd-text")).StatusCode);
        await using var db = site.CreateDb();
        var author = await db.Authors.Where(a => a.Name.StartsWith("Averyvery")).Select(a => new { a.Name, a.Slug }).SingleAsync();
        Assert.Equal(longName[..200], author.Name);
        Assert.Contains(site.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Warning), m => m.Contains("author name longer than 200 characters; cut", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/authors/{author.Slug}")).StatusCode);
    }
}
