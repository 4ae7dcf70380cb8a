using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Api;

/// <summary>
/// /openapi/v1.json read as an OpenAPI tool reads it (swagger-parser from npm) and held against the API's real
/// answers (ajv, against the schema the document gives for each address, method, status and media type): every /api
/// address is described, with its parameters, its answers and their problem details.
/// </summary>
public sealed class OpenApiTests(TwoListingSite site) : IClassFixture<TwoListingSite>
{
    private static readonly string Tools = Path.Combine(OutsideComponent.RepositoryRoot, "tests", "tools");

    [Fact]
    public async Task Document_IsValidOpenApi_AndDescribesTheRealAnswers()
    {
        var node = OutsideComponent.FindOnPath("node");
        OutsideComponent.Require(node is not null && Directory.Exists(Path.Combine(Tools, "node_modules", "@apidevtools", "swagger-parser")),
            "The OpenAPI check needs Node.js and swagger-parser: install nodejs and run `npm ci --prefix tests/tools`.");
        using var client = site.CreateNoRedirectClient();
        var document = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paperId = JsonNode.Parse(await client.GetStringAsync($"/api/listings/{TwoListingSite.SecondSlug}/papers", TestContext.Current.CancellationToken))!
            ["papers"]![0]!["id"]!.GetValue<string>();
        var answers = new JsonArray();
        foreach (var (template, url) in new[]
        {
            ("/api/listings", "/api/listings"),
            ("/api/listings/{slug}/papers", $"/api/listings/{TwoListingSite.SecondSlug}/papers?page=2"),
            ("/api/listings/{slug}/papers", $"/api/listings/{TwoListingSite.SecondSlug}/papers?page=abc"),
            ("/api/listings/{slug}/papers", $"/api/listings/{TwoListingSite.SecondSlug}/papers?page=99"),
            ("/api/listings/{slug}/papers", "/api/listings/no-such-listing/papers"),
            ("/api/papers/{id}", $"/api/papers/{paperId}"),
            ("/api/papers/{id}", "/api/papers/nosuchpaper"),
            ("/api/listings", "/api/listings?q=" + new string('x', 3000)),
        })
        {
            using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            answers.Add(new JsonObject
            {
                ["path"] = template,
                ["method"] = "get",
                ["status"] = (int)response.StatusCode,
                ["mediaType"] = response.Content.Headers.ContentType?.MediaType,
                ["body"] = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)),
            });
        }

        var (exitCode, output) = await CheckAsync(node!, document, answers.ToJsonString());

        Assert.True(exitCode == 0, output);
        Assert.Equal($"ok {answers.Count} answers", output.Trim());
        Assert.Equal([200, 200, 400, 404, 404, 200, 404, 414], answers.Select(a => a!["status"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Document_CoversEveryApiAddress_WithItsParametersAndProblems()
    {
        using var client = site.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var paths = document.RootElement.GetProperty("paths");
        var apiRoutes = SiteRoutes.Discover(site.Services).Where(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(apiRoutes);
        Assert.Equal(apiRoutes.Select(r => r.Pattern).Order(StringComparer.Ordinal), paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var route in apiRoutes)
        {
            var get = paths.GetProperty(route.Pattern).GetProperty("get");
            var parameters = get.TryGetProperty("parameters", out var list) ? list.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList() : [];
            Assert.All(route.Parameters, p => Assert.Contains(p.Name, parameters));
            var responses = get.GetProperty("responses");
            Assert.True(responses.GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _), route.Pattern);
            foreach (var status in new[] { "429", "500", "503" })
            {
                Assert.True(responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{route.Pattern} {status}");
            }
        }
        Assert.Contains("page", paths.GetProperty("/api/listings/{slug}/papers").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    private static async Task<(int ExitCode, string Output)> CheckAsync(string node, string document, string answers)
    {
        var folder = Directory.CreateTempSubdirectory("paperlisting-openapi-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "openapi.json"), document, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "answers.json"), answers, TestContext.Current.CancellationToken);
            var start = new ProcessStartInfo(node) { WorkingDirectory = Tools, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "openapi-check.mjs", Path.Combine(folder, "openapi.json"), Path.Combine(folder, "answers.json") })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, await output + await errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
