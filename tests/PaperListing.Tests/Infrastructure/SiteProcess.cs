using System.Collections.Concurrent;
using System.Diagnostics;

namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// The built site as a separate process (<c>dotnet PaperListing.Web.dll</c>), configured by environment variables
/// as an operator would, on a loopback port; its console output is kept for the test to read.
/// </summary>
public sealed class SiteProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiteProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }
    public IReadOnlyList<string> Output => _output.ToList();
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the site from <paramref name="workingDirectory"/>: the tests' build, or the app at <paramref name="appDll"/>
    /// (e.g. a published one); with a <paramref name="parentShell"/>, as the child of that shell (which stays its parent);
    /// listening on <paramref name="extraPorts"/> of loopback too.
    /// </summary>
    public static SiteProcess Start(string workingDirectory, string seedsPath, string databasePath, IDictionary<string, string>? settings = null,
        string? appDll = null, string? parentShell = null, IEnumerable<int>? extraPorts = null)
    {
        var port = LoopbackPorts.Next();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(parentShell ?? dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (parentShell is not null)
        {
            // "; exit" keeps the shell from replacing itself with the app.
            foreach (var argument in new[] { "-c", "\"$@\"; exit $?", "sh", dotnet })
            {
                start.ArgumentList.Add(argument);
            }
        }
        start.ArgumentList.Add(appDll ?? Path.Combine(AppContext.BaseDirectory, "PaperListing.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(string.Join(';', (extraPorts ?? []).Prepend(port).Select(p => $"http://127.0.0.1:{p}")));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Seeds__Path"] = seedsPath;
        // On the PostgreSQL run, the database of this working directory (created by the site, dropped by the test).
        start.Environment["Database__Provider"] = TestDatabase.Provider;
        start.Environment["ConnectionStrings__Papers"] = TestDatabase.IsPostgres ? TestDatabase.ConnectionStringFor(workingDirectory) : $"Data Source={databasePath}";
        start.Environment["DataProtection__KeysPath"] = Path.Combine(workingDirectory, "keys");
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Serilog__MinimumLevel__Override__PaperListing"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        return new SiteProcess(Process.Start(start)!, port);
    }

    public HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Port}/"), Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Waits until a line of output contains <paramref name="text"/>; false when the time runs out or the process ends.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }
            if (_process.HasExited)
            {
                await Task.Delay(200);
                return _output.Any(line => line.Contains(text, StringComparison.Ordinal));
            }
            await Task.Delay(50);
        }
        return false;
    }

    /// <summary>Waits until /healthz answers 200.</summary>
    public async Task<bool> WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = Client();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>Ends the process at once, as a power cut or an OOM killer would (SIGKILL): nothing runs on the way out.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
