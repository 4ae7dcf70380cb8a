using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Importing;

namespace PaperListing.Tests.Search;

/// <summary>The full-text index follows the import: papers added are found, papers gone are not, shared papers stay.</summary>
public sealed class SearchIndexImportTests
{
    private static string Dump(string title, params string[] abstracts) =>
        $"English\nRelated papers\n\nRelated papers: {title}\n\n{abstracts.Length} papers\n\n" +
        string.Concat(abstracts.Select(a => $"{a}\n\nMachine Learning · Computer Science 2020-01-01 Some Author\n\n"));

    private static void ImportAgain(SiteFactory site) => site.Services.GetRequiredService<SeedImporter>().Import(CancellationToken.None);

    [Fact]
    public async Task ChangedAndRemovedFiles_TakeTheirPapersOutOfTheIndex_ButNotPapersOthersStillHold()
    {
        using var site = new SiteFactory()
            .WithSeed("001_a.txt", Dump("First", "Walrus migration patterns.", "Shared narwhal paper."))
            .WithSeed("002_b.txt", Dump("Second", "Shared narwhal paper.", "Penguin huddles."));
        await site.ImportedAsync();
        Assert.Equal(1, SearchSite.ResultCount(await site.GetHtmlAsync("/search?q=walrus")));
        Assert.Equal(1, SearchSite.ResultCount(await site.GetHtmlAsync("/search?q=narwhal")));

        site.WithSeed("001_a.txt", Dump("First", "Octopus camouflage."));
        File.Delete(Path.Combine(site.SeedsPath, "002_b.txt"));
        File.WriteAllText(Path.Combine(site.SeedsPath, "003_c.txt"), Dump("Third", "Shared narwhal paper."));
        ImportAgain(site);

        Assert.Equal(0, SearchSite.ResultCount(await site.GetHtmlAsync("/search?q=walrus")));
        Assert.Equal(0, SearchSite.ResultCount(await site.GetHtmlAsync("/search?q=penguin")));
        Assert.Equal(1, SearchSite.ResultCount(await site.GetHtmlAsync("/search?q=octopus")));
        Assert.Equal(1, SearchSite.ResultCount(await site.GetHtmlAsync("/search?q=narwhal")));
    }

    [Fact]
    public async Task ANewHostOverTheSameDatabase_FindsWhatTheFirstIndexed()
    {
        string root;
        using (var first = new SiteFactory().WithSeed("001_a.txt", Dump("First", "Walrus migration patterns.")).KeepFiles())
        {
            await first.ImportedAsync();
            root = first.Root;
        }
        using var second = new SiteFactory(root);
        await second.ImportedAsync();

        Assert.Equal(1, SearchSite.ResultCount(await second.GetHtmlAsync("/search?q=walrus")));
    }

    [Fact]
    public async Task OnASiteOfOneListing_SearchingTheListing_FindsWhatSearchingEverythingFinds()
    {
        using var site = new SiteFactory().WithSeed("001_a.txt", Dump("Only", "Walrus migration patterns.", "Walrus diets.", "Penguin huddles."));

        var within = await site.GetHtmlAsync("/related/only?q=walrus&sort=listing");
        var everywhere = await site.GetHtmlAsync("/search?q=walrus");

        Assert.Equal(2, SearchSite.ResultCount(within));
        Assert.Equal(2, SearchSite.ResultCount(everywhere));
        Assert.Equal(["Walrus migration patterns.", "Walrus diets."], SearchSite.Abstracts(within));
    }
}
