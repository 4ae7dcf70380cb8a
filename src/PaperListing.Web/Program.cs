using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PaperListing.Web.Api;
using PaperListing.Web.Caching;
using PaperListing.Web.Configuration;
using PaperListing.Web.Crawlers;
using PaperListing.Web.Exports;
using PaperListing.Web.Feeds;
using PaperListing.Web.Data.Engines;
using PaperListing.Web.Hosting;
using PaperListing.Web.Importing;
using PaperListing.Web.Lists;
using PaperListing.Web.Localization;
using PaperListing.Web.Logging;
using PaperListing.Web.Protection;
using PaperListing.Web.Search;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Serilog;

// A container health check runs the app as a probe of its running self, before anything else is built.
if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

// A logger until the host's own is built, in the same format (plain text or LogFormat=json).
Log.Logger = LogSetup.CreateStartupLogger(args);
try
{
    var builder = WebApplication.CreateBuilder(args);

    // Settings are validated at startup: a bad one stops the app with a message naming it.
    builder.Services.AddPaperListingSettings(builder.Configuration, builder.Environment);
    builder.Logging.ClearProviders();
    builder.Services.AddPaperListingLogging(builder.Configuration);

    // Behind a reverse proxy: X-Forwarded-* is believed from the known proxies only; keys survive a read-only container.
    builder.Services.AddForwardedHeadersFromProxySettings();
    builder.Services.AddPersistentDataProtection();

    // Hostile traffic meets Kestrel's size limits, per-address rate limits and request timeouts; no Server header.
    builder.WebHost.UsePaperListingKestrelLimits();
    builder.Services.AddPaperListingProtection(builder.Configuration);

    // Paper text is in many scripts: write it as characters, not as numeric entities.
    builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

    // SQLite or PostgreSQL, chosen once from Database:Provider; one pooled context factory serves the pages and the import.
    builder.Services.AddPaperListingDatabase();

    // The few rows every page reads (listings, subjects) stay in memory until the next import.
    builder.Services.AddSingleton<PaperListing.Web.Papers.SmallTables>();

    // The seeds are imported once, in the background; requests wait for it, /healthz reports it.
    builder.Services.AddSingleton<ImportStatus>();
    builder.Services.AddSingleton<SeedImporter>();
    builder.Services.AddHostedService<SeedImportService>();
    builder.Services.AddHealthChecks().AddCheck<ImportStatus>("import");

    // Search: the engine's full-text index (chosen with the engine) behind one interface, and the plain queries composed on it.
    builder.Services.AddSingleton<SearchResults>();
    builder.Services.AddSingleton<SearchFacetCounter>();
    builder.Services.AddSingleton<SearchPageLoader>();

    // Markdown beside the seeds (about.md, <seed file>.md), rendered safely and kept briefly.
    builder.Services.AddMemoryCache();
    builder.Services.AddSingleton<PaperListing.Web.Content.SiteContent>();

    // English and Japanese UI, chosen by ?culture=, a cookie, then Accept-Language.
    builder.Services.AddSiteCultures();

    // Pages are cached until the papers (changed here or by another replica), the Markdown or the language change, and compressed.
    builder.Services.AddPaperListingCaching(builder.Configuration);

    // The first listing is also the home page; a page answers only the methods it has handlers for (else 405).
    builder.Services.AddRazorPages(options =>
    {
        options.Conventions.AddPageRoute("/Listings/Listing", "/");
        options.Conventions.Add(new PageMethods());
    });

    // The JSON API answers in JSON, refusals included (problem details).
    builder.Services.AddPaperListingApi();

    var app = builder.Build();

    // Every response, error pages included, carries the browser-side defences.
    app.UseMiddleware<SecurityHeaders>();

    // The client's scheme, host and address as the proxy saw them, then the site under its path base (e.g. /reading-list).
    app.UseForwardedHeaders();
    app.UsePathBase(app.Services.GetRequiredService<IOptions<PathBaseOptions>>().Value.PathBase);

    // Cookies (the language choice) are SameSite=Lax, HttpOnly, and Secure over HTTPS.
    app.UseCookiePolicy();

    // One log line per request, outside the error pages so a re-executed request is not logged twice.
    app.UsePaperListingRequestLogging();

    // The visitor's language first, so error pages are in it too.
    app.UseSiteCultures();

    // Failures and refusals end on a friendly page (problem details for the API), never a stack trace.
    app.UseExceptionHandler("/error/500");
    app.UseStatusCodePagesWithReExecute("/error/{0}");

    // HTTPS visitors are told to stay on HTTPS (after the error handlers, so their re-executed pages carry it too).
    if (!app.Environment.IsDevelopment())
    {
        app.UseHsts();
    }

    // Fingerprinted assets are cached for a year; never held by the import.
    app.UseStaticFiles(PaperListing.Web.Assets.AssetCaching.Options());

    // /healthz answers 503 while the seeds are imported (Degraded) and after a failed import (Unhealthy).
    app.MapHealthChecks("/healthz", new HealthCheckOptions { ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable } });

    // Floods are refused per client address before they cost a query; overlong queries before anything reads them.
    app.UseRateLimiter();
    app.UseMiddleware<QueryLengthLimit>();

    // Pages wait for the import, then routing (after the path base is stripped) finds them.
    app.UseMiddleware<ImportGate>();

    // A browser holding the current version of the papers gets 304 before any page is made.
    app.UseMiddleware<PageETags>();
    app.UseRouting();

    // A request that hangs (a stuck query) is cut off with a 504 instead of holding its connection.
    app.UseRequestTimeouts();

    // Cached pages are served whole; a new page is compressed once, on its way into the cache.
    app.UseOutputCache();
    app.UsePageCompression();
    app.MapRazorPages().CacheOutput(CachingSetup.PagePolicy);

    // Links meant to be shared beyond a browser: citations, feeds, sitemap, and the API.
    app.MapExports();
    app.MapFeeds();
    app.MapCrawlerFiles();
    app.MapPaperListingApi();

    // Reading lists whose address is the list: its BibTeX, RIS and JSON (the page itself is a Razor page).
    app.MapReadingLists();

    await app.RunAsync();
    return 0;
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
