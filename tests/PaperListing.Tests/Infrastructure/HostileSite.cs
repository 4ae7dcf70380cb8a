namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// The site over the real seed, a second listing and a hostile dump: the fixture of the tests that visit every route.
/// </summary>
public sealed class HostileSite : SiteFactory
{
    private Task<IReadOnlyDictionary<SiteRoute, string>>? _addresses;

    public HostileSite()
    {
        WithRealSeed();
        WithSeed("500_more.txt", TestSeeds.Dump("More Papers", 45));
        WithSeed(HostileSeeds.FileName, HostileSeeds.Dump());
    }

    /// <summary>An address for each route the site maps, found once.</summary>
    public Task<IReadOnlyDictionary<SiteRoute, string>> AddressesAsync() => _addresses ??= FindAsync();

    private async Task<IReadOnlyDictionary<SiteRoute, string>> FindAsync()
    {
        await ImportedAsync();
        using var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return await SiteRoutes.AddressesAsync(this, client);
    }
}
