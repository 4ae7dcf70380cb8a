using System.Net;
using System.Text.Json;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Metrics;

/// <summary>
/// /metrics as Prometheus scrapes it, read back by prometheus_client's own text parser: the framework's HTTP server
/// and runtime instruments and the site's (papers, listings, imports, page cache, search). Off by default; with
/// Metrics__Port, answered on that port only. The site runs as its own process, so no other test's host adds to it.
/// </summary>
public sealed class MetricsTests : IDisposable
{
    /// <summary>Every sample as [family, type, sample name, labels, value].</summary>
    private const string Parse = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        print(json.dumps([[f.name, f.type, s.name, s.labels, s.value] for f in text_string_to_metric_families(sys.stdin.read()) for s in f.samples]))
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("paperlisting-metrics-").FullName;

    [Fact]
    public async Task Metrics_ScrapedOnTheirPort_AreValidPrometheusTextWithTheSitesOwnInstruments()
    {
        var python = PythonReader.With("prometheus_client");
        OutsideComponent.Require(python is not null, "python3 with prometheus_client not found: apt-get install -y python3-prometheus-client");
        var seeds = Directory.CreateDirectory(Path.Combine(_root, "seeds")).FullName;
        File.WriteAllText(Path.Combine(seeds, "001_alpha.txt"), TestSeeds.Dump("Alpha", 3));
        File.WriteAllText(Path.Combine(seeds, "002_beta.txt"), TestSeeds.Dump("Beta", 2, first: 10));
        var metricsPort = LoopbackPorts.Next();
        using var site = SiteProcess.Start(_root, seeds, Path.Combine(_root, "papers.db"),
            new Dictionary<string, string> { ["Metrics__Enabled"] = "true", ["Metrics__Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            extraPorts: [metricsPort]);
        Assert.True(await site.WaitHealthyAsync(TimeSpan.FromSeconds(60)), string.Join('\n', site.Output));
        using var client = site.Client();
        foreach (var url in new[] { "/", "/", "/search?q=paper" })
        {
            (await client.GetAsync(url, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        using var onPublicPort = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        using var scrape = await new HttpClient().GetAsync($"http://127.0.0.1:{metricsPort}/metrics", TestContext.Current.CancellationToken);
        var text = await scrape.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var samples = JsonSerializer.Deserialize<JsonElement[][]>(PythonReader.Read(python!, Parse, text))!
            .Select(s => new Sample(s[0].GetString()!, s[1].GetString()!, s[2].GetString()!,
                s[3].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!), s[4].GetDouble()))
            .ToList();
        double Value(string name, string? label = null, string? value = null) =>
            Assert.Single(samples, s => s.Name == name && (label is null || s.Labels.GetValueOrDefault(label) == value)).Value;

        Assert.Equal(HttpStatusCode.NotFound, onPublicPort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        // The framework's own: HTTP server request durations per route, and the runtime.
        Assert.Contains(samples, s => s.Family == "http_server_request_duration_seconds" && s.Type == "histogram"
            && s.Labels.GetValueOrDefault("http_route") == "search" && s.Name.EndsWith("_count", StringComparison.Ordinal) && s.Value >= 1);
        Assert.Contains(samples, s => s.Family.StartsWith("dotnet_gc_", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Family == "dotnet_process_cpu_time_seconds" && s.Type == "counter");
        // The site's own.
        Assert.Equal(5, Value("paperlisting_papers"));
        Assert.Equal(2, Value("paperlisting_listings"));
        Assert.Equal(1, Value("paperlisting_import_runs_total", "outcome", "done"));
        Assert.Equal(1, Value("paperlisting_import_duration_seconds_count"));
        Assert.Equal(0, Value("paperlisting_import_entries_skipped_total"));
        Assert.Equal(0, Value("paperlisting_import_files_failed_total"));
        Assert.True(Value("paperlisting_page_cache_lookups_total", "result", "hit") >= 1);
        Assert.True(Value("paperlisting_page_cache_lookups_total", "result", "miss") >= 2);
        Assert.Equal(1, Value("paperlisting_search_duration_seconds_count"));
    }

    [Fact]
    public async Task Metrics_ByDefault_AreNotServed()
    {
        await using var site = new SiteFactory().WithSeed("001_alpha.txt", TestSeeds.Dump("Alpha", 3));
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed record Sample(string Family, string Type, string Name, Dictionary<string, string> Labels, double Value);

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
