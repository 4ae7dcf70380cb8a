using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Deploy;

/// <summary>
/// deploy/paperlisting.service as systemd reads it (systemd-analyze verify), and the app's side of Type=notify: under
/// a parent named systemd, with NOTIFY_SOCKET set, it says READY=1 once it is listening.
/// </summary>
public sealed class SystemdUnitTests : IDisposable
{
    private const string UnitDotnet = "/usr/bin/dotnet";
    private readonly string _root = Directory.CreateTempSubdirectory("paperlisting-systemd-").FullName;

    private static string UnitPath => Path.Combine(OutsideComponent.RepositoryRoot, "deploy", "paperlisting.service");

    [Fact]
    public void Unit_VerifiedBySystemd_ReportsNothing()
    {
        var analyze = OutsideComponent.FindOnPath("systemd-analyze");
        OutsideComponent.Require(analyze is not null, "systemd-analyze not found: apt-get install -y systemd");
        // verify checks that ExecStart's program exists: where .NET is not at /usr/bin/dotnet, a copy names this one.
        var unit = UnitPath;
        if (!File.Exists(UnitDotnet))
        {
            unit = Path.Combine(_root, "paperlisting.service");
            File.WriteAllText(unit, File.ReadAllText(UnitPath).Replace($"ExecStart={UnitDotnet} ", $"ExecStart={DotnetHost} ", StringComparison.Ordinal));
        }

        var (exitCode, output) = Run(analyze!, "verify", unit);

        Assert.True(exitCode == 0 && output.Length == 0, $"systemd-analyze verify exited {exitCode}: {output}");
    }

    [Fact]
    public void Unit_RunsAsItsOwnUserOnAReadOnlySystemWithAWritableStateFolder()
    {
        var settings = File.ReadAllLines(UnitPath)
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToLookup(pair => pair[0].Trim(), pair => pair[1].Trim().Trim('"'));

        Assert.Equal("notify", Assert.Single(settings["Type"]));
        Assert.Equal("strict", Assert.Single(settings["ProtectSystem"]));
        Assert.Equal("on-failure", Assert.Single(settings["Restart"]));
        Assert.NotEqual("root", Assert.Single(settings["User"]));
        Assert.Empty(settings["WorkingDirectory"]);
        // The database and the keys live in the one folder systemd makes writable for the service.
        var state = "/var/lib/" + Assert.Single(settings["StateDirectory"]) + "/";
        Assert.Contains(settings["Environment"], e => e.StartsWith("ConnectionStrings__Papers=Data Source=" + state, StringComparison.Ordinal));
        Assert.Contains(settings["Environment"], e => e.StartsWith("DataProtection__KeysPath=" + state, StringComparison.Ordinal));
    }

    [Fact]
    public async Task App_UnderSystemd_SaysReadyOnceListening()
    {
        var socketPath = Path.Combine(_root, "notify");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        // The framework takes a parent process named "systemd" for the service manager.
        var systemd = Path.Combine(_root, "systemd");
        File.CreateSymbolicLink(systemd, "/bin/sh");
        var seeds = Directory.CreateDirectory(Path.Combine(_root, "seeds")).FullName;
        File.WriteAllText(Path.Combine(seeds, "001_alpha.txt"), TestSeeds.Dump("Alpha", 3));

        using var site = SiteProcess.Start(_root, seeds, Path.Combine(_root, "papers.db"),
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = socketPath }, parentShell: systemd);
        var buffer = new byte[256];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var received = await notify.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        using var client = site.Client();
        using var live = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal("READY=1", Encoding.ASCII.GetString(buffer, 0, received));
        Assert.True((int)live.StatusCode is 200 or 503, $"/healthz answered {(int)live.StatusCode}");
    }

    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, (stdout.Result + stderr).Trim());
    }

    public void Dispose()
    {
        TestDatabase.Drop(_root);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A process still letting go of a file: the temporary folder is left behind.
        }
    }
}
