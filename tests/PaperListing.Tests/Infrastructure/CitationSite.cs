using System.Text;
using System.Text.Json;
using PaperListing.Web.Importing.Parsing;

namespace PaperListing.Tests.Infrastructure;

/// <summary>A paper of a seed as the seed says it, with the id the site gave it and its citation downloads.</summary>
public sealed record SeededPaper(string Id, string Listing, SeedEntry Seed, string Title, string Bib, string Ris);

/// <summary>
/// The real seed and <see cref="CitationSeeds"/>, served together: every paper of both, with what its seed says
/// (read by the seed parser itself) beside the .bib and .ris the site gives for it.
/// </summary>
public sealed class CitationSite : SiteFactory
{
    public static readonly (string Slug, byte[] Seed)[] Listings =
    [
        (TwoListingSite.RealSlug, File.ReadAllBytes(TestSeeds.RealSeedPath)),
        (CitationSeeds.Slug, Encoding.UTF8.GetBytes(CitationSeeds.Text)),
    ];

    private IReadOnlyList<SeededPaper>? _papers;

    public CitationSite()
    {
        WithRealSeed();
        WithSeed("001_citation.txt", CitationSeeds.Text);
    }

    /// <summary>Every paper of both seeds, in seed order.</summary>
    public async Task<IReadOnlyList<SeededPaper>> PapersAsync()
    {
        if (_papers is not null)
        {
            return _papers;
        }
        using var client = CreateClient();
        var papers = new List<SeededPaper>();
        foreach (var (slug, seed) in Listings)
        {
            var entries = SeedFileParser.Parse(seed).Entries;
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/listings/{slug}/papers"));
            var listed = json.RootElement.GetProperty("papers").EnumerateArray().ToList();
            Assert.Equal(entries.Count, listed.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                var id = listed[i].GetProperty("id").GetString()!;
                papers.Add(new SeededPaper(id, slug, entries[i], listed[i].GetProperty("title").GetString()!,
                    await client.GetStringAsync($"/papers/{id}.bib"), await client.GetStringAsync($"/papers/{id}.ris")));
            }
        }
        return _papers = papers;
    }

    /// <summary>All the papers' .bib (or .ris) files in one file, as a reader is run once over them.</summary>
    public async Task<string> WriteAllAsync(string extension)
    {
        var papers = await PapersAsync();
        var file = Path.Combine(Root, $"all{extension}");
        await File.WriteAllTextAsync(file, string.Concat(papers.Select(p => extension == ".bib" ? p.Bib + "\n" : p.Ris)), new UTF8Encoding(false));
        return file;
    }
}
