namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// Tests that need something outside .NET (Chromium, Java with the Nu HTML Checker, PostgreSQL) skip when it is
/// missing, saying how to enable them; with CI=true they fail instead, since CI installs everything.
/// </summary>
public static class OutsideComponent
{
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require(bool present, string howToEnable)
    {
        if (present)
        {
            return;
        }
        if (OnCi)
        {
            Assert.Fail(howToEnable);
        }
        Assert.Skip(howToEnable);
    }

    /// <summary>The repository's root (where PaperListing.sln is), found from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PaperListing.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("PaperListing.sln not found above the test binaries");
        }
    }

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
