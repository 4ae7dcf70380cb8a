using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Browser;

/// <summary>
/// The site on a real Kestrel port with Debian's Chromium driven by Playwright. Without Chromium the browser tests
/// skip, saying how to enable them; with CI=true they fail instead.
/// </summary>
public class BrowserSite : SiteFactory, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public BrowserSite()
    {
        WithRealSeed();
        WithSeed("010_long.txt", TestSeeds.Dump("A Long Listing", 95));
        WithSeed(MathSeed.FileName, MathSeed.Dump());
        WithSeedBytes("025_formulas.txt", File.ReadAllBytes(FormulaSeed.FilePath));
        WithSeed("030_many.txt", TestSeeds.Dump("A Hundred Pages", 2000));
        WithSeed("about.md", "# About this reading list\n\nPapers the lab reads, with [the source](https://example.org).");
        UseKestrel(0);
    }

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public static string ArtifactsPath => Path.Combine(AppContext.BaseDirectory, "artifacts");

    /// <summary>Skips the calling test when no browser is installed (fails on CI, where one must be).</summary>
    public static void RequireChromium() => OutsideComponent.Require(File.Exists(ChromiumPath),
        $"Chromium not found at {ChromiumPath}: install it with `apt-get install -y chromium` to run the browser tests.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await ImportedAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ArtifactsPath);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, ColorScheme scheme = ColorScheme.Light, string? locale = null,
        bool javaScript = true, string[]? permissions = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
            Locale = locale ?? "en-US",
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            Permissions = permissions ?? [],
        });
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
