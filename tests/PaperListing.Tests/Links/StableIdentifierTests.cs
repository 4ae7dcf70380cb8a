using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Links;

/// <summary>Shared links survive a redeploy: two databases built apart from the same seeds give every paper the same address.</summary>
public sealed class StableIdentifierTests
{
    private static async Task<List<string>> PaperIdsAsync(SiteFactory site)
    {
        var ids = new List<string>();
        foreach (var url in new[] { "/", "/related/second-listing", "/related/second-listing?page=2", "/related/second-listing?page=3" })
        {
            ids.AddRange((await site.GetHtmlAsync(url)).QuerySelectorAll("article.paper").Select(a => a.Id!));
        }
        return ids;
    }

    [Fact]
    public async Task TwoSitesFromTheSameSeeds_GiveEveryPaperTheSameAddress()
    {
        using var first = new TwoListingSite();
        using var second = new TwoListingSite();

        var firstIds = await PaperIdsAsync(first);
        var secondIds = await PaperIdsAsync(second);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        var firstSitemap = await firstClient.GetStringAsync("/sitemap.xml");
        var secondSitemap = await secondClient.GetStringAsync("/sitemap.xml");

        Assert.Equal(65, firstIds.Count);
        Assert.Equal(65, firstIds.Distinct().Count());
        Assert.Equal(firstIds, secondIds);
        Assert.Equal(TwoListingSite.FirstPaperId, firstIds[0]);
        Assert.Equal(firstSitemap, secondSitemap);
        Assert.Contains($"<loc>http://localhost{TwoListingSite.FirstPaperPath}</loc>", firstSitemap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedsReadInAnotherOrder_GiveTheSameAddresses()
    {
        using var forward = new TwoListingSite();
        using var reversed = new SiteFactory()
            .WithSeed("000_second.txt", TestSeeds.Dump("Second Listing", 45))
            .WithSeedBytes("001_real.txt", File.ReadAllBytes(TestSeeds.RealSeedPath));

        var expected = (await PaperIdsAsync(forward)).Order(StringComparer.Ordinal);
        var actual = new List<string>();
        foreach (var url in new[] { "/related/implicit-regularization-in-deep-learning", "/", "/?page=2", "/?page=3" })
        {
            actual.AddRange((await reversed.GetHtmlAsync(url)).QuerySelectorAll("article.paper").Select(a => a.Id!));
        }

        Assert.Equal(expected, actual.Order(StringComparer.Ordinal));
    }
}
