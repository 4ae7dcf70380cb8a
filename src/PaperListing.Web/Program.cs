using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaperListing.Web.Caching;
using PaperListing.Web.Configuration;
using PaperListing.Web.Data;
using PaperListing.Web.Importing;
using PaperListing.Web.Localization;
using PaperListing.Web.Logging;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Serilog;

// A plain logger until the host's own is built (CreateLogger: several test hosts in one process must not freeze it).
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);

    // Settings are validated at startup: a bad one stops the app with a message naming it.
    builder.Services.AddPaperListingSettings(builder.Configuration, builder.Environment);
    builder.Logging.ClearProviders();
    builder.Services.AddPaperListingLogging(builder.Configuration);

    // Paper text is in many scripts: write it as characters, not as numeric entities.
    builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

    // One pooled context factory serves both the pages and the import; each SQLite connection is tuned for reads once.
    builder.Services.AddPooledDbContextFactory<PapersDbContext>((services, options) => options
        .UseSqlite(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
        .AddInterceptors(new SqliteReadTuning()));

    // The few rows every page reads (listings, subjects) stay in memory until the next import.
    builder.Services.AddSingleton<PaperListing.Web.Papers.SmallTables>();

    // The seeds are imported once, in the background; requests wait for it, /healthz reports it.
    builder.Services.AddSingleton<ImportStatus>();
    builder.Services.AddSingleton<IImportTuning, SqliteImportTuning>();
    builder.Services.AddSingleton<SeedImporter>();
    builder.Services.AddHostedService<SeedImportService>();
    builder.Services.AddHealthChecks().AddCheck<ImportStatus>("import");

    // Markdown beside the seeds (about.md, <seed file>.md), rendered safely and kept briefly.
    builder.Services.AddMemoryCache();
    builder.Services.AddSingleton<PaperListing.Web.Content.SiteContent>();

    // English and Japanese UI, chosen by ?culture=, a cookie, then Accept-Language.
    builder.Services.AddSiteCultures();

    // Pages are cached until the papers, the Markdown or the language change, and compressed for browsers that accept it.
    builder.Services.AddPaperListingCaching(builder.Configuration);

    // The first listing is also the home page.
    builder.Services.AddRazorPages(options => options.Conventions.AddPageRoute("/Listings/Listing", "/"));

    var app = builder.Build();

    // The visitor's language first, so error pages are in it too.
    app.UseSiteCultures();

    // Failures and refusals end on a friendly page, never a stack trace.
    app.UseExceptionHandler("/error/500");
    app.UseStatusCodePagesWithReExecute("/error/{0}");

    // One log line per request: method, path, status, elapsed.
    app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
    // Fingerprinted assets are cached for a year.
    app.UseStaticFiles(PaperListing.Web.Assets.AssetCaching.Options());
    app.MapHealthChecks("/healthz");
    app.UseMiddleware<ImportGate>();

    // A browser holding the current version of the papers gets 304 before any page is made.
    app.UseMiddleware<PageETags>();
    app.UseRouting();

    // Cached pages are served whole; a new page is compressed once, on its way into the cache.
    app.UseOutputCache();
    app.UsePageCompression();
    app.MapRazorPages().CacheOutput(CachingSetup.PagePolicy);

    app.Run();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "PaperListing could not start: {Reason}", ex.Message);
    throw;
}
finally
{
    Log.CloseAndFlush();
}

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
