using System.Diagnostics;

namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// The site as <c>dotnet publish</c> lays it out (wwwroot, appsettings.json and the app side by side), published once
/// per test run from the build the tests run against (<c>--no-build</c>: a second or two).
/// </summary>
public static class PublishedSite
{
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

    /// <summary>The folder holding the published app.</summary>
    public static Task<string> FolderAsync() => Folder.Value;

    public static async Task<string> DllAsync() => Path.Combine(await FolderAsync(), "PaperListing.Web.dll");

    private static async Task<string> PublishAsync()
    {
        var output = Directory.CreateTempSubdirectory("paperlisting-published-").FullName;
        // The tests run from tests/PaperListing.Tests/bin/<Configuration>/net10.0: publish that configuration's build.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var project = Path.Combine(OutsideComponent.RepositoryRoot, "src", "PaperListing.Web", "PaperListing.Web.csproj");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", project, "--no-build", "-c", configuration, "-o", output, "-nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }
        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}): {await stdout}{await stderr}");
        }
        return output;
    }
}
