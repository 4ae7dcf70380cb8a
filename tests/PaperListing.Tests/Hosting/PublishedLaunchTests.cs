using System.Collections;
using System.Net;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Hosting;

namespace PaperListing.Tests.Hosting;

/// <summary>
/// The published app started as an operator starts it, from any folder (a systemd unit, a cron job, a script): it
/// finds its wwwroot and appsettings.json beside itself, unless a content root is given explicitly.
/// </summary>
public sealed class PublishedLaunchTests : IDisposable
{
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("paperlisting-elsewhere-").FullName;

    [Fact]
    public async Task PublishedApp_StartedFromAnotherFolder_ServesItsAssetsAndReadsItsSettings()
    {
        var dll = await PublishedSite.DllAsync();
        var seeds = Directory.CreateDirectory(Path.Combine(_elsewhere, "seeds")).FullName;
        File.WriteAllText(Path.Combine(seeds, "001_alpha.txt"), TestSeeds.Dump("Alpha", 3));
        // Information for everything: only appsettings.json (beside the app) turns the framework's own lines down to warnings.
        using var site = SiteProcess.Start(_elsewhere, seeds, Path.Combine(_elsewhere, "papers.db"),
            new Dictionary<string, string> { ["Serilog__MinimumLevel__Default"] = "Information" }, dll);
        Assert.True(await site.WaitHealthyAsync(TimeSpan.FromSeconds(60)), string.Join('\n', site.Output));
        using var client = site.Client();

        using var css = await client.GetAsync("/css/site.css", TestContext.Current.CancellationToken);
        using var script = await client.GetAsync("/js/site.js", TestContext.Current.CancellationToken);
        using var icon = await client.GetAsync("/favicon.svg", TestContext.Current.CancellationToken);
        var page = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllText(Path.Combine(Path.GetDirectoryName(dll)!, "wwwroot", "css", "site.css")),
            await css.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Contains("Related papers: Alpha", page, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Output, line => line.Contains("Request starting", StringComparison.Ordinal));
    }

    [Fact]
    public void ContentRoot_OfAPublishedApp_IsItsOwnFolder()
    {
        var app = Directory.CreateDirectory(Path.Combine(_elsewhere, "app", "wwwroot")).Parent!.FullName;

        Assert.Equal(app, AppContentRoot.Choose([], new Hashtable(), app));
    }

    [Theory]
    [InlineData("--contentRoot", "/srv/site")]
    [InlineData("--contentRoot=/srv/site", null)]
    public void ContentRoot_GivenOnTheCommandLine_IsLeftToTheHost(string argument, string? value)
    {
        var app = Directory.CreateDirectory(Path.Combine(_elsewhere, "app", "wwwroot")).Parent!.FullName;
        string[] args = value is null ? [argument] : [argument, value];

        Assert.Null(AppContentRoot.Choose(args, new Hashtable(), app));
    }

    [Theory]
    [InlineData("ASPNETCORE_CONTENTROOT")]
    [InlineData("DOTNET_CONTENTROOT")]
    public void ContentRoot_GivenInTheEnvironment_IsLeftToTheHost(string variable)
    {
        var app = Directory.CreateDirectory(Path.Combine(_elsewhere, "app", "wwwroot")).Parent!.FullName;

        Assert.Null(AppContentRoot.Choose([], new Hashtable { [variable] = "/srv/site" }, app));
    }

    [Fact]
    public void ContentRoot_OfABuildWithoutWwwroot_IsTheCurrentDirectory()
    {
        var build = Directory.CreateDirectory(Path.Combine(_elsewhere, "bin")).FullName;

        Assert.Null(AppContentRoot.Choose([], new Hashtable(), build));
    }

    public void Dispose()
    {
        TestDatabase.Drop(_elsewhere);
        try
        {
            Directory.Delete(_elsewhere, recursive: true);
        }
        catch (IOException)
        {
            // A process still letting go of a file: the temporary folder is left behind.
        }
    }
}
