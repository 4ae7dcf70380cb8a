using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;

namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// The readers the citation files are proven with, each run as its users run it: citation-js (npm, pinned in
/// tests/tools), python's bibtexparser (Debian's python3-bibtexparser, 1.x) and biber (Debian's). A missing one skips
/// the test with how to install it, or fails it on CI (<see cref="OutsideComponent"/>).
/// </summary>
public static class ReferenceReaders
{
    private static readonly string Tools = Path.Combine(OutsideComponent.RepositoryRoot, "tests", "tools");

    /// <summary>The CSL-JSON citation-js makes of a .bib or .ris file.</summary>
    public static async Task<JsonElement> CitationJsAsync(string file)
    {
        var node = OutsideComponent.FindOnPath("node");
        OutsideComponent.Require(node is not null && Directory.Exists(Path.Combine(Tools, "node_modules", "@citation-js", "plugin-ris")),
            "citation-js needs Node.js and its packages: run `npm ci --prefix tests/tools` (and install nodejs) to enable it.");
        var output = await RunAsync(node!, [Path.Combine(Tools, "read-with-citation-js.cjs"), file, file.EndsWith(".ris", StringComparison.Ordinal) ? "ris" : "bib"]);
        return JsonDocument.Parse(output).RootElement;
    }

    /// <summary>The entries python's bibtexparser 1.x reads from a .bib file, text in Unicode and names split.</summary>
    public static async Task<JsonElement> BibtexparserAsync(string file)
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : OutsideComponent.FindOnPath("python3");
        var present = python is not null && (await TryRunAsync(python, ["-c", "import bibtexparser"])).ExitCode == 0;
        OutsideComponent.Require(present, "bibtexparser needs Debian's python3-bibtexparser: run `apt-get install -y python3-bibtexparser` to enable it.");
        return JsonDocument.Parse(await RunAsync(python!, [Path.Combine(Tools, "read_with_bibtexparser.py"), file])).RootElement;
    }

    /// <summary>
    /// biber's reading of a .bib file (in tool mode, checked against biblatex's data model) as biblatexml, and what it
    /// logged (its warnings name each entry missing a field the data model requires).
    /// </summary>
    public static async Task<(XDocument Entries, string Log)> BiberAsync(string file)
    {
        var biber = OutsideComponent.FindOnPath("biber");
        OutsideComponent.Require(biber is not null, "biber needs Debian's biber: run `apt-get install -y biber` to enable it.");
        var output = Path.ChangeExtension(file, ".bltxml");
        var log = await RunAsync(biber!, ["--tool", "--validate-datamodel", "--output-format=biblatexml", $"--output-file={output}", file]);
        return (XDocument.Load(output), log);
    }

    private static async Task<string> RunAsync(string program, string[] arguments)
    {
        var (exitCode, output, errors) = await TryRunAsync(program, arguments);
        Assert.True(exitCode == 0, $"{program} {string.Join(' ', arguments)} failed ({exitCode}): {errors}");
        return output;
    }

    private static async Task<(int ExitCode, string Output, string Errors)> TryRunAsync(string program, string[] arguments)
    {
        // Run beside the file read (the last argument), where biber leaves its log.
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = File.Exists(arguments[^1]) ? Path.GetDirectoryName(arguments[^1])! : Tools,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
