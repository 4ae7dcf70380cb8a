using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Importing;

namespace PaperListing.Tests.Caching;

/// <summary>
/// Two replicas over one database: when one imports a change, the other stops serving its cached pages (and its
/// in-memory listings) within a few seconds (Caching:DataPollSeconds), without a restart.
/// </summary>
public sealed class ReplicaCacheTests
{
    [Fact]
    public async Task ImportOnOneReplica_ReachesTheOthersCachedPagesWithinThePollInterval()
    {
        var root = Directory.CreateTempSubdirectory("paperlisting-").FullName;
        using var importer = new SiteFactory(root).WithSeed("001.txt", TestSeeds.Dump("Shared Listing", 3));
        await importer.ImportedAsync();
        using var other = new SiteFactory(root).KeepFiles().WithSetting("Caching:DataPollSeconds", "1");
        await other.ImportedAsync();
        using var client = other.CreateClient();
        Assert.Contains("Paper 1 studies", await client.GetStringAsync("/related/shared-listing"), StringComparison.Ordinal);
        Assert.NotNull((await client.GetAsync("/related/shared-listing")).Headers.Age);

        File.WriteAllText(Path.Combine(importer.SeedsPath, "001.txt"), TestSeeds.Dump("Shared Listing", 2, first: 500));
        File.WriteAllText(Path.Combine(importer.SeedsPath, "002.txt"), TestSeeds.Dump("Second Shared Listing", 2, first: 600));
        importer.Services.GetRequiredService<SeedImporter>().Import(CancellationToken.None);

        string page = "";
        for (var attempt = 0; attempt < 50 && !page.Contains("Paper 500 studies", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            page = await client.GetStringAsync("/related/shared-listing");
        }
        Assert.Contains("Paper 500 studies", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Paper 1 studies", page, StringComparison.Ordinal);
        Assert.Contains("Paper 600 studies", await client.GetStringAsync("/related/second-shared-listing"), StringComparison.Ordinal);
    }
}
