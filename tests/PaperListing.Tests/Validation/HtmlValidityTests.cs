using System.Diagnostics;
using System.Text.Json;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Validation;

/// <summary>The pages are valid HTML, without errors or warnings, as the Nu HTML Checker (npm's vnu-jar, run with Java) sees them.</summary>
public sealed class HtmlValidityTests
{
    private static readonly string Jar = Path.Combine(OutsideComponent.RepositoryRoot, "tests", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static TheoryData<string> Pages => new()
    {
        "/", "/?page=abc", "/related/no-such-listing", "/about", "/?culture=ja",
        "/papers/qebznk55xr/we-argue-that-the-optimization-plays-a-crucial-role-in", "/authors/nadav-cohen",
        "/subjects/machine-learning-in-statistics", "/subjects/computer-science?culture=ja",
        "/search", "/search?q=deep+learning", "/search?q=tensor&culture=ja", "/search?subject=statistics&culture=ja",
        "/?q=regularization&from=2019&sort=newest", "/search?q=%2A%2A%2A", "/search?q=tensor&from=20x",
        "/list?p=qebznk55xr&p=zzzzzzzzzz&p=kzxjda4djx&title=Thursday&note=Sections%202%20and%203%0Afirst", "/list?culture=ja", "/list?p=not-an-id",
        $"/related/{MathSeed.Slug}", $"/related/{MathSeed.Slug}?q=sqrt+rate", "/related/many?page=50", "/related/many?page=2&culture=ja",
        "/related/many?page=abc", "/related/many?page=101", "/authors/shared-author?page=3", "/about-built-in", "/papers/phw8d2rgaj",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoHtmlErrors(string url)
    {
        var java = OutsideComponent.FindOnPath("java");
        OutsideComponent.Require(java is not null && File.Exists(Jar),
            "The Nu HTML Checker needs Java and vnu-jar: run `npm ci --prefix tests/tools` (and install a JRE) to enable it.");
        // "/about-built-in" is /about on a site without about.md: the built-in page.
        using var site = new SiteFactory().WithRealSeed().WithSeed(MathSeed.FileName, MathSeed.Dump()).WithSeed("030_many.txt", TestSeeds.Dump("Many", 2000));
        if (url != "/about-built-in")
        {
            site.WithSeed("about.md", "# About\n\nA *reading* list. [Home](/)");
        }
        using var client = site.CreateClient();
        var html = await (await client.GetAsync(url == "/about-built-in" ? "/about" : url)).Content.ReadAsStringAsync();
        var file = Path.Combine(site.Root, "page.html");
        await File.WriteAllTextAsync(file, html);

        var errors = await ValidateAsync(java!, file);

        Assert.True(errors.Count == 0, $"{url}: {string.Join("\n", errors)}");
    }

    private static async Task<List<string>> ValidateAsync(string java, string file)
    {
        var start = new ProcessStartInfo(java, ["-jar", Jar, "--format", "json", file])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error"
                || (m.TryGetProperty("subType", out var subType) && subType.GetString() == "warning"))
            .Select(m => $"{m.GetProperty("type").GetString()} line {(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
            .ToList();
    }
}
