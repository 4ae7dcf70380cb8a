namespace PaperListing.Web.Hosting;

/// <summary>
/// <c>dotnet PaperListing.Web.dll --healthcheck [url or path]</c>: asks the running site for its readiness (/healthz),
/// or the address or path given (e.g. /livez, its liveness), and exits 0 when it answers healthy, 1 otherwise, so a
/// container health check needs no tool that the runtime image lacks.
/// </summary>
public static class HealthProbe
{
    public const string Switch = "--healthcheck";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Switch;

    public static async Task<int> RunAsync(string[] args, TimeSpan? timeout = null)
    {
        var url = args.Length < 2 ? DefaultUrl(Environment.GetEnvironmentVariable)
            : args[1].StartsWith('/') ? DefaultUrl(Environment.GetEnvironmentVariable, args[1])
            : args[1];
        try
        {
            using var client = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(5) };
            using var response = await client.GetAsync(new Uri(url));
            Console.WriteLine($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            Console.Error.WriteLine($"{url}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>
    /// The site's own /healthz (or another path) on the port it listens on, chosen as ASP.NET Core chooses it:
    /// ASPNETCORE_URLS (its first http address), else ASPNETCORE_HTTP_PORTS (its first port), else 8080.
    /// </summary>
    public static string DefaultUrl(Func<string, string?> environment, string path = HealthEndpoints.Readiness)
    {
        char[] separators = [';', ','];
        const StringSplitOptions parts = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        var url = environment("ASPNETCORE_URLS")?.Split(separators, parts)
            .FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (url is not null)
        {
            // A listening address such as http://+:8080 or http://[::]:8080 is reached on localhost.
            var authority = url["http://".Length..].TrimEnd('/');
            var colon = authority.LastIndexOf(':');
            return $"http://localhost:{(colon >= 0 && !authority.EndsWith(']') ? authority[(colon + 1)..] : "80")}{path}";
        }
        var port = environment("ASPNETCORE_HTTP_PORTS")?.Split(separators, parts).FirstOrDefault();
        return $"http://localhost:{port ?? "8080"}{path}";
    }
}
