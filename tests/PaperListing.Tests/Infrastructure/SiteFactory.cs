using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperListing.Web.Data;
using PaperListing.Web.Importing;

namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// The site over its own seeds folder in a temporary directory, and its own database: a SQLite file there, or a
/// PostgreSQL database of its own on the PostgreSQL run (see <see cref="TestDatabase"/>). Write seeds before the
/// first request; the import runs when the host starts.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = [];
    private readonly List<Action<IServiceCollection>> _services = [];

    public SiteFactory(string? root = null)
    {
        Root = root ?? Directory.CreateTempSubdirectory("paperlisting-").FullName;
        SeedsPath = Path.Combine(Root, "seeds");
        Directory.CreateDirectory(SeedsPath);
        DatabasePath = Path.Combine(Root, "papers.db");
        ConnectionString = TestDatabase.ConnectionStringFor(Root);
    }

    public string Root { get; }
    public string SeedsPath { get; }
    /// <summary>The SQLite file (on the SQLite run only).</summary>
    public string DatabasePath { get; }
    public string ConnectionString { get; }
    public CapturedLogs Logs { get; } = new();

    public SiteFactory WithSeed(string fileName, string text) => WithSeedBytes(fileName, Encoding.UTF8.GetBytes(text));

    public SiteFactory WithSeedBytes(string fileName, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(SeedsPath, fileName), bytes);
        return this;
    }

    public SiteFactory WithRealSeed() => WithSeedBytes(Path.GetFileName(TestSeeds.RealSeedPath), File.ReadAllBytes(TestSeeds.RealSeedPath));

    public SiteFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Changes the site's services, e.g. to put a fault between it and its database.</summary>
    public SiteFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Seeds:Path", SeedsPath);
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("ConnectionStrings:Papers", ConnectionString);
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(Root, "keys"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:PaperListing", "Information");
        builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore", "Information");
        // Every test client shares one address: rate limits are lifted unless a test sets its own.
        foreach (var kind in new[] { "Pages", "Search", "Api", "Exports" })
        {
            builder.UseSetting($"RateLimits:{kind}PerMinute", "1000000000");
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            _services.ForEach(configure => configure(services));
        });
    }

    /// <summary>Waits for the startup import and returns its report.</summary>
    public async Task<ImportReport> ImportedAsync()
    {
        var status = Services.GetRequiredService<ImportStatus>();
        // A hang detector, not a timing: large imports on a busy machine take minutes.
        await status.Done.WaitAsync(TimeSpan.FromMinutes(5));
        return status.Report ?? throw new InvalidOperationException($"Import failed: {status.Failure}");
    }

    /// <summary>A client that shows redirects instead of following them, as a link checker sees them.</summary>
    public HttpClient CreateNoRedirectClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<IHtmlDocument> GetHtmlAsync(string url)
    {
        using var client = CreateNoRedirectClient();
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlParser().ParseDocument(html);
    }

    public PapersDbContext CreateDb() => Services.GetRequiredService<IDbContextFactory<PapersDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsRoot)
        {
            TestDatabase.Drop(Root);
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown: the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>
    /// The settings error that stops a site made by <paramref name="make"/> at startup. The test host sometimes loses
    /// the app's own exception in a race (it asks the already disposed services of the failed app for its lifetime,
    /// dotnet/aspnetcore#33494, and throws ObjectDisposedException instead): then a new site is started, up to five times.
    /// </summary>
    public static Microsoft.Extensions.Options.OptionsValidationException StartupError(Func<SiteFactory> make)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var site = make();
            try
            {
                _ = site.Server;
            }
            catch (ObjectDisposedException) when (attempt < 5)
            {
                continue;
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException error)
            {
                return error;
            }
            throw new Xunit.Sdk.XunitException("The site started, though its settings should have stopped it");
        }
    }

    private bool _ownsRoot = true;

    /// <summary>Keeps the folder when the factory is disposed, for a second host over the same database.</summary>
    public SiteFactory KeepFiles()
    {
        _ownsRoot = false;
        return this;
    }
}
