using System.Text;
using System.Text.RegularExpressions;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Pages;

/// <summary>
/// What the site sends for each kind of read, byte for byte, kept under <c>Pages/Snapshots/</c>: a change to how a
/// page is read or rendered must leave these answers as they are, or be a change someone meant and renewed. Only
/// asset fingerprints and trace ids are blanked, so a stylesheet edit does not count as a page change. Renew them after
/// an intended change with <c>PAPERLISTING_UPDATE_SNAPSHOTS=1 dotnet test --filter PageSnapshotTests</c>, on each
/// engine, and read the diff.
/// </summary>
public sealed partial class PageSnapshotTests(TwoListingSite site) : IClassFixture<TwoListingSite>
{
    /// <summary>Each kind of list (listing, author, subject, field, search), a paper, and the other readers of a list page.</summary>
    public static TheoryData<string, string> Addresses() => new()
    {
        { "listing-first", "/" },
        { "listing-first-ja", "/?culture=ja" },
        { "listing-second-page", "/related/second-listing?page=2" },
        { "listing-past-end", "/related/second-listing?page=9" },
        { "listing-past-end-ja", "/related/second-listing?page=9&culture=ja" },
        { "listing-unknown", "/related/no-such-listing" },
        { "paper", TwoListingSite.FirstPaperPath },
        { "paper-ja", TwoListingSite.FirstPaperPath + "?culture=ja" },
        { "author", "/authors/behnam-neyshabur" },
        { "author-last-page", "/authors/shared-author?page=3" },
        { "author-past-end", "/authors/shared-author?page=4" },
        { "subject", "/subjects/machine-learning-in-computer-science" },
        { "field", "/subjects/computer-science" },
        { "field-last-page", "/subjects/computer-science?page=4" },
        { "field-past-end", "/subjects/computer-science?page=5" },
        { "search", "/search?q=regularization" },
        { "search-subject", "/search?q=learning&subject=statistics" },
        { "search-second-page", "/search?q=paper&page=2" },
        { "search-past-end", "/search?q=regularization&page=7" },
        { "api-listing-page", "/api/listings/second-listing/papers?page=2" },
        { "api-listing-past-end", "/api/listings/second-listing/papers?page=9" },
        { "api-paper", "/api/papers/" + TwoListingSite.FirstPaperId },
        { "bibtex-listing-page", "/related/second-listing.bib?page=3" },
        { "bibtex-listing-past-end", "/related/second-listing.bib?page=9" },
        { "atom-listing", "/related/second-listing/feed.atom" },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Get_Address_AnswersAsItsSnapshot(string name, string address)
    {
        using var client = site.CreateNoRedirectClient();
        using var response = await client.GetAsync(address);
        var answer = $"{(int)response.StatusCode} {response.Content.Headers.ContentType}\n\n"
            + FingerprintedName().Replace(Fingerprint().Replace(await response.Content.ReadAsStringAsync(), "$1=…"), "$1.…$2");

        answer = TraceId().Replace(answer, "$1…");

        // Similar papers and search ranking may differ between the engines within their documented tolerance: an
        // answer PostgreSQL gives differently is kept beside SQLite's as name.postgres.txt.
        var shared = Path.Combine(SnapshotFolder(), name + ".txt");
        var own = Path.Combine(SnapshotFolder(), name + ".postgres.txt");
        if (Environment.GetEnvironmentVariable("PAPERLISTING_UPDATE_SNAPSHOTS") == "1")
        {
            if (!TestDatabase.IsPostgres)
            {
                await File.WriteAllTextAsync(shared, answer, new UTF8Encoding(false));
            }
            else if (File.Exists(shared) && await File.ReadAllTextAsync(shared) == answer)
            {
                File.Delete(own);
            }
            else
            {
                await File.WriteAllTextAsync(own, answer, new UTF8Encoding(false));
            }
        }
        var file = TestDatabase.IsPostgres && File.Exists(own) ? own : shared;
        Assert.True(File.Exists(file), $"No snapshot {file}: renew the snapshots with PAPERLISTING_UPDATE_SNAPSHOTS=1");
        Assert.Equal(await File.ReadAllTextAsync(file), answer);
    }

    /// <summary>The snapshots in the source tree (not the build output), found from this file's folder.</summary>
    private static string SnapshotFolder([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Snapshots");

    [GeneratedRegex(@"\b(v)=[A-Za-z0-9_\-]{8,}")]
    private static partial Regex Fingerprint();

    /// <summary>A static asset's content fingerprint in its name (<c>site.pcijhoidl3.css</c>), as the static asset manifest makes it.</summary>
    [GeneratedRegex(@"(/[\w\-/.]+?)\.[a-z0-9]{10}(\.(?:css|js|svg|woff2|png))")]
    private static partial Regex FingerprintedName();

    [GeneratedRegex(@"(""traceId"":"")[^""]*")]
    private static partial Regex TraceId();
}
