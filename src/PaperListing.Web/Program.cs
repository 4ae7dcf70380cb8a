using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;
using PaperListing.Web.Data;
using PaperListing.Web.Importing;
using PaperListing.Web.Logging;
using PaperListing.Web.Protection;
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

    // Hostile traffic meets Kestrel's size limits, per-address rate limits and request timeouts; no Server header.
    builder.WebHost.UsePaperListingKestrelLimits();
    builder.Services.AddPaperListingProtection(builder.Configuration);

    // Paper text is in many scripts: write it as characters, not as numeric entities.
    builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

    // One pooled context factory serves both the pages and the import.
    builder.Services.AddPooledDbContextFactory<PapersDbContext>((services, options) =>
        options.UseSqlite(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));

    // The seeds are imported once, in the background; requests wait for it, /healthz reports it.
    builder.Services.AddSingleton<ImportStatus>();
    builder.Services.AddSingleton<SeedImporter>();
    builder.Services.AddHostedService<SeedImportService>();
    builder.Services.AddHealthChecks().AddCheck<ImportStatus>("import");

    // The first listing is also the home page; a page answers only the methods it has handlers for (else 405).
    builder.Services.AddRazorPages(options =>
    {
        options.Conventions.AddPageRoute("/Listings/Listing", "/");
        options.Conventions.Add(new PageMethods());
    });

    var app = builder.Build();

    // Every response, error pages included, carries the browser-side defences.
    app.UseMiddleware<SecurityHeaders>();

    // Failures and refusals end on a friendly page, never a stack trace.
    app.UseExceptionHandler("/error/500");
    app.UseStatusCodePagesWithReExecute("/error/{0}");

    // HTTPS visitors are told to stay on HTTPS (after the error handlers, so their re-executed pages carry it too).
    if (!app.Environment.IsDevelopment())
    {
        app.UseHsts();
    }

    // One log line per request: method, path, status, elapsed.
    app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
    app.UseStaticFiles();
    app.UseCookiePolicy();
    app.MapHealthChecks("/healthz");

    // Floods are refused per client address before they cost a query; overlong queries before anything reads them.
    app.UseRateLimiter();
    app.UseMiddleware<QueryLengthLimit>();
    app.UseMiddleware<ImportGate>();
    app.UseRouting();

    // A request that hangs (a stuck query) is cut off with a 504 instead of holding its connection.
    app.UseRequestTimeouts();
    app.MapRazorPages();

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
