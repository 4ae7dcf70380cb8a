using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Hosting;

/// <summary>What a container needs of the host: a stop inside the runtime's grace period, and keys on the volume.</summary>
public sealed class StopAndKeysTests
{
    [Fact]
    public void ShutdownTimeout_IsWithinTheTenSecondsAContainerStopAllows()
    {
        using var site = new SiteFactory();

        var timeout = site.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;

        Assert.InRange(timeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(9));
    }

    [Fact]
    public async Task Startup_WritesDataProtectionKeysToKeysPath()
    {
        await using var site = new SiteFactory().WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3));
        await site.ImportedAsync();

        var keys = Path.Combine(site.Root, "keys");

        Assert.True(Directory.Exists(keys) && Directory.EnumerateFiles(keys, "key-*.xml").Any(), $"no key in {keys}");
    }
}
