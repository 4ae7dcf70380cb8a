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
using PaperListing.Web.Metrics;
using PaperListing.Web.Protection;
using PaperListing.Web.Resilience;
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
    // wwwroot and appsettings.json are found beside a published app wherever it is started from (unless --contentRoot says otherwise).
    var builder = WebApplication.CreateBuilder(AppContentRoot.Options(args));
    // Run from a build (not a publish) in any environment, the static assets and their compressed copies are found
    // through the build's manifest; a published app has them in its wwwroot and no manifest, so this does nothing.
    builder.WebHost.UseStaticWebAssets();

    // Every setting is bound and validated in one registry (Configuration/SiteSettings.cs): a bad one stops the app naming it.
    builder.Services.AddPaperListingSettings(builder.Configuration, builder.Environment);
    builder.Logging.ClearProviders();
    builder.Services.AddPaperListingLogging(builder.Configuration);

    // Under systemd (Type=notify) the app says when it is listening and stops on SIGTERM; elsewhere this does nothing.
    builder.Services.AddSystemd();

    // Behind a reverse proxy: X-Forwarded-* is believed from the known proxies only; keys survive a read-only container.
    builder.Services.AddForwardedHeadersFromProxySettings();
    builder.Services.AddPersistentDataProtection();

    // Hostile traffic meets Kestrel's size limits, per-address rate limits and request timeouts; no Server header.
    builder.WebHost.UsePaperListingKestrelLimits();
    builder.Services.AddPaperListingProtection();

    // Paper text is in many scripts: write it as characters, not as numeric entities.
    builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

    // SQLite or PostgreSQL, chosen once from Database:Provider; one pooled context factory serves the pages and the import.
    builder.Services.AddPaperListingDatabase();

    // The few rows every page reads (listings, subjects) stay in memory until the next import.
    builder.Services.AddSingleton<PaperListing.Web.Papers.SmallTables>();
    builder.Services.AddSingleton<PaperListing.Web.Papers.ListingReader>();

    // The seeds are imported in the background at startup (requests wait for it, /healthz reports it, /livez does not), then within seconds of a change (Seeds:Watch).
    builder.Services.AddPaperListingImport();
    builder.Services.AddPaperListingHealthChecks();

    // The database out of reach: /healthz says so (debounced), cached pages are still served, the rest get 503.
    builder.Services.AddPaperListingResilience();

    // Search: the engine's full-text index (chosen from the same setting as the engine) behind one interface, and the plain queries composed on it.
    builder.Services.AddPaperSearchEngine();
    builder.Services.AddSingleton<SearchResults>();
    builder.Services.AddSingleton<SearchFacetCounter>();
    builder.Services.AddSingleton<SearchReader>();
    builder.Services.AddSingleton<SimilarPapers>();

    // TeX in abstracts typeset on the server by the site's own KaTeX (run by Jint) to MathML, each formula once.
    builder.Services.AddSingleton<PaperListing.Web.Formulas.KatexEngines>();
    builder.Services.AddSingleton<PaperListing.Web.Formulas.FormulaTypesetter>();

    // Markdown beside the seeds (about.md, <seed file>.md), rendered safely and kept briefly.
    builder.Services.AddMemoryCache();
    builder.Services.AddSingleton<PaperListing.Web.Content.SiteContent>();

    // English and Japanese UI, chosen by ?culture=, a cookie, then Accept-Language.
    builder.Services.AddSiteCultures();

    // Pages are cached until the papers (changed here or by another replica), the Markdown or the language change, and compressed.
    builder.Services.AddPaperListingCaching();

    // The first listing is also the home page; a page answers only the methods it has handlers for (else 405).
    builder.Services.AddRazorPages(options =>
    {
        options.Conventions.AddPageRoute("/Listings/Listing", "/");
        options.Conventions.Add(new PageMethods());
    });

    // The JSON API answers in JSON, refusals included (problem details), and describes itself at /openapi/v1.json.
    builder.Services.AddPaperListingApi();
    builder.Services.AddPaperListingApiDocument();

    // Metrics for Prometheus (HTTP, runtime, database, the import, the page cache, search), off unless Metrics:Enabled.
    builder.Services.AddPaperListingMetrics(builder.Configuration);

    var app = builder.Build();

    // Every response, error pages included, carries the browser-side defences.
    app.UseMiddleware<SecurityHeaders>();

    // The client's scheme, host and address as the proxy saw them, then the site under its path base (e.g. /reading-list).
    app.UseForwardedHeaders();
    app.UsePathBase(app.Services.GetRequiredService<IOptions<PathBaseOptions>>().Value.PathBase);

    // /metrics (when enabled, on its own port when set) is answered here: never held by the import, limited or logged.
    app.UsePaperListingMetrics();

    // A client the rate limit refused, back before its Retry-After, gets a bare 429 before anything else is done for it.
    app.UseMiddleware<RepeatRefusalGate>();

    // Cookies (the language choice) are SameSite=Lax, HttpOnly, and Secure over HTTPS.
    app.UseCookiePolicy();

    // One log line per request, outside the error pages so a re-executed request is not logged twice.
    app.UsePaperListingRequestLogging();

    // The visitor's language first, so error pages are in it too.
    app.UseSiteCultures();

    // Failures and refusals end on a friendly page (problem details for the API), never a stack trace.
    app.UseExceptionHandler(ResilienceSetup.ExceptionHandling("/error/500"));
    app.UseStatusCodePagesWithReExecute("/error/{0}");

    // HTTPS visitors are told to stay on HTTPS (after the error handlers, so their re-executed pages carry it too).
    if (!app.Environment.IsDevelopment())
    {
        app.UseHsts();
    }

    // An overlong request line or oversized headers are refused by the site (414, 431), with its headers and a friendly page.
    app.UseMiddleware<RequestSizeLimit>();

    // Routing after the path base is stripped; static assets are answered right here (compressed at build, cached
    // for a year when fingerprinted), never held by the import or rate-limited.
    app.UseRouting();
    app.MapStaticAssets().ShortCircuit();
    // A file in the web root that the build did not list (one an operator or the benchmark put there) is still served.
    app.UseStaticFiles();

    // /healthz (ready) answers 503 while the seeds are imported and after a failed import; /livez answers while the process can.
    app.MapPaperListingHealthChecks();

    // Floods are refused per client address before they cost a query; overlong queries before anything reads them.
    app.UseRateLimiter();
    app.UseMiddleware<QueryLengthLimit>();

    // Pages wait for the import.
    app.UseMiddleware<ImportGate>();

    // A browser holding the current version of the papers gets 304 before any page is made.
    app.UseMiddleware<PageETags>();

    // A request that hangs (a stuck query) is cut off with a 504 instead of holding its connection.
    app.UseRequestTimeouts();

    // Cached pages are served whole; a new page is compressed once, on its way into the cache.
    app.UseOutputCache();
    app.UseDatabaseBackpressure();
    app.UsePageCompression();
    app.MapRazorPages().WithStaticAssets().CacheOutput(CachingSetup.PagePolicy);

    // Links meant to be shared beyond a browser: citations, feeds, sitemap, and the API with its OpenAPI document.
    app.MapExports();
    app.MapFeeds();
    app.MapCrawlerFiles();
    app.MapPaperListingApi();
    app.MapPaperListingApiDocument();

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
