using System.Diagnostics;
using System.Globalization;
using PaperListing.SeedGenerator;

// Writes synthetic seed files for load tests and benchmarks:
//   dotnet run --project src/PaperListing.SeedGenerator -- --papers 1000000 --out bench/out/seeds [--seed 1] [--per-file 2000] [--listings 1]
var settings = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["--papers"] = "1000", ["--out"] = "", ["--seed"] = "1", ["--per-file"] = "2000", ["--listings"] = "1",
};
for (var i = 0; i < args.Length; i++)
{
    if (!settings.ContainsKey(args[i]) || i + 1 >= args.Length)
    {
        return Usage($"unknown or incomplete argument \"{args[i]}\"");
    }
    settings[args[i]] = args[++i];
}
if (settings["--out"].Length == 0)
{
    return Usage("--out is required");
}
int Number(string name) => int.TryParse(settings[name], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
    ? n : throw new ArgumentException($"{name} must be a whole number from 1 up");
SyntheticSeedOptions options;
try
{
    options = new SyntheticSeedOptions(Number("--papers"), Number("--seed"), Number("--per-file"), Number("--listings"));
}
catch (ArgumentException ex)
{
    return Usage(ex.Message);
}

var clock = Stopwatch.StartNew();
var files = new SyntheticSeeds(options).WriteTo(settings["--out"]);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Papers:N0} papers in {files.Count:N0} files ({files.Sum(f => new FileInfo(f).Length) / 1e6:0.0} MB) written to {settings["--out"]} in {clock.Elapsed.TotalSeconds:0.0} s"));
return 0;

static int Usage(string problem)
{
    Console.Error.WriteLine($"{problem}\nusage: PaperListing.SeedGenerator --out FOLDER [--papers N] [--seed N] [--per-file N] [--listings N]");
    return 2;
}
