using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Reliability;

/// <summary>What an operator sees on the console of the real process when the setup is wrong.</summary>
public sealed class StartupFaultTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("paperlisting-start-").FullName;

    public void Dispose()
    {
        TestDatabase.Drop(_root);
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task MissingSeedsFolder_IsNamedOnTheConsole_AndTheSiteStillAnswers()
    {
        var missing = Path.Combine(_root, "no-such-seeds");
        using var site = SiteProcess.Start(_root, missing, Path.Combine(_root, "papers.db"));

        Assert.True(await site.WaitForOutputAsync("does not exist", TimeSpan.FromSeconds(60)), string.Join('\n', site.Output));
        Assert.Contains(site.Output, line => line.Contains(missing, StringComparison.Ordinal) && line.Contains("Seeds:Path", StringComparison.Ordinal));
        Assert.True(await site.WaitHealthyAsync(TimeSpan.FromSeconds(30)));
        using var client = site.Client();
        Assert.Contains("No listings yet", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadLimitSetting_StopsTheProcessWithAMessageNamingIt()
    {
        using var site = SiteProcess.Start(_root, _root, Path.Combine(_root, "papers.db"), new Dictionary<string, string> { ["RateLimits__PagesPerMinute"] = "0" });

        Assert.True(await site.WaitForOutputAsync("RateLimits:PagesPerMinute", TimeSpan.FromSeconds(60)), string.Join('\n', site.Output));
        Assert.True(await WaitExitAsync(site));
    }

    [Theory]
    [InlineData("LogFormat", "xml", "LogFormat must be text or json")]
    [InlineData("Kestrel__Limits__MaxRequestBodySize", "-1", "Kestrel:Limits:MaxRequestBodySize must be")]
    [InlineData("Kestrel__Limits__MaxConcurrentConnections", "-1", "Kestrel:Limits:MaxConcurrentConnections: ")]
    public async Task SettingReadBeforeTheHostsValidation_StopsTheProcessWithAMessageNamingIt(string name, string value, string message)
    {
        using var site = SiteProcess.Start(_root, _root, Path.Combine(_root, "papers.db"), new Dictionary<string, string> { [name] = value });

        Assert.True(await site.WaitForOutputAsync(message, TimeSpan.FromSeconds(60)), string.Join('\n', site.Output));
        Assert.True(await WaitExitAsync(site));
    }

    private static async Task<bool> WaitExitAsync(SiteProcess site)
    {
        for (var i = 0; i < 100 && !site.HasExited; i++)
        {
            await Task.Delay(100);
        }
        return site.HasExited;
    }
}
