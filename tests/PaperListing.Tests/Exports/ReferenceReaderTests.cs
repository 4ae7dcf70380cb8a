using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Papers;

namespace PaperListing.Tests.Exports;

/// <summary>
/// Every paper of the real seed and of <see cref="CitationSeeds"/>, downloaded as .bib and .ris and read back by the
/// readers reference managers are built on (citation-js, python's bibtexparser, biber): the same abstract character
/// for character, the same supplied title, each author as family and given name, the date, and one kind of item.
/// </summary>
public sealed class ReferenceReaderTests(CitationSite site) : IClassFixture<CitationSite>
{
    [Fact]
    public async Task Bib_ReadByCitationJs_GivesBackWhatTheSeedsSay()
    {
        var papers = await site.PapersAsync();

        var items = (await ReferenceReaders.CitationJsAsync(await site.WriteAllAsync(".bib"))).EnumerateArray().ToList();

        Assert.Equal(papers.Count, items.Count);
        foreach (var (paper, item) in papers.Zip(items))
        {
            AssertCslItem(paper, item);
        }
    }

    [Fact]
    public async Task Ris_ReadByCitationJs_GivesBackWhatTheSeedsSay()
    {
        var papers = await site.PapersAsync();

        var items = (await ReferenceReaders.CitationJsAsync(await site.WriteAllAsync(".ris"))).EnumerateArray().ToList();

        Assert.Equal(papers.Count, items.Count);
        foreach (var (paper, item) in papers.Zip(items))
        {
            AssertCslItem(paper, item);
        }
    }

    [Fact]
    public async Task Bib_ReadByBibtexparser_GivesBackWhatTheSeedsSay()
    {
        var papers = await site.PapersAsync();

        var entries = (await ReferenceReaders.BibtexparserAsync(await site.WriteAllAsync(".bib"))).EnumerateArray().ToList();

        Assert.Equal(papers.Count, entries.Count);
        foreach (var (paper, entry) in papers.Zip(entries))
        {
            var what = $"{paper.Id} in bibtexparser";
            Assert.Equal("unpublished", entry.GetProperty("ENTRYTYPE").GetString());
            Assert.True(paper.Seed.Abstract == entry.GetProperty("abstract").GetString(), $"{what}: abstract {entry.GetProperty("abstract")}");
            Assert.Equal(paper.Title, entry.GetProperty("title").GetString());
            Assert.Equal(paper.Seed.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), entry.TryGetProperty("date", out var date) ? date.GetString() : null);
            var names = entry.GetProperty("author_names").EnumerateArray()
                .Select(n => (Family: Words(n, "von", "last"), Given: Words(n, "first"), Suffix: Words(n, "jr"))).ToList();
            AssertNames(paper, names, what);
        }
    }

    [Fact]
    public async Task Bib_ReadByBiber_MissesNoTitleAndSplitsEveryName()
    {
        var papers = await site.PapersAsync();

        var (entries, log) = await ReferenceReaders.BiberAsync(await site.WriteAllAsync(".bib"));

        Assert.DoesNotContain("'title'", log, StringComparison.Ordinal);
        var warned = log.Split('\n').Where(l => l.StartsWith("WARN", StringComparison.Ordinal)).ToList();
        var incomplete = papers.Where(p => p.Seed.Authors.Count == 0 || p.Seed.Published is null).ToList();
        Assert.All(warned, w => Assert.Contains(incomplete, p => w.Contains($"-{p.Id}'", StringComparison.Ordinal)));
        XNamespace bltx = "http://biblatex-biber.sourceforge.net/biblatexml";
        var read = entries.Descendants(bltx + "entry").ToDictionary(e => ((string)e.Attribute("id")!).Split('-')[^1]);
        Assert.Equal(papers.Select(p => p.Id).Order(), read.Keys.Order());
        foreach (var paper in papers)
        {
            Assert.Equal("unpublished", (string?)read[paper.Id].Attribute("entrytype"));
            var names = read[paper.Id].Descendants(bltx + "name").Select(name =>
            {
                string Part(params string[] types) => string.Join(' ', types.SelectMany(type => name.Elements(bltx + "namepart")
                    .Where(p => (string?)p.Attribute("type") == type)
                    .Select(p => p.HasElements ? string.Join(' ', p.Elements().Select(e => e.Value)) : p.Value)));
                return (Family: Part("prefix", "family"), Given: Part("given"), Suffix: Part("suffix"));
            }).ToList();
            AssertNames(paper, names, $"{paper.Id} in biber");
        }
    }

    [Fact]
    public async Task ListingBib_HoldsTheSameEntriesAsThePapersOwn()
    {
        var papers = await site.PapersAsync();
        using var client = site.CreateClient();

        foreach (var (slug, _) in CitationSite.Listings)
        {
            var listing = await client.GetStringAsync($"/related/{slug}.bib");
            var own = papers.Where(p => listing.Contains($"-{p.Id},\n", StringComparison.Ordinal)).Select(p => p.Bib);
            Assert.Equal(string.Join("\n", own), listing);
        }
    }

    private static void AssertCslItem(SeededPaper paper, JsonElement item)
    {
        var what = $"{paper.Id} in citation-js";
        Assert.Equal("manuscript", item.GetProperty("type").GetString());
        Assert.True(paper.Seed.Abstract == item.GetProperty("abstract").GetString(), $"{what}: abstract {item.GetProperty("abstract")}");
        Assert.Equal(paper.Title, item.GetProperty("title").GetString());
        Assert.Equal(paper.Seed.Published is { } d ? $"{d.Year},{d.Month},{d.Day}" : null,
            item.TryGetProperty("issued", out var issued) ? string.Join(',', issued.GetProperty("date-parts")[0].EnumerateArray().Select(n => n.GetInt32())) : null);
        var names = item.TryGetProperty("author", out var authors)
            ? authors.EnumerateArray().Select(a => (
                Family: $"{Text(a, "non-dropping-particle")} {Text(a, "family")}".Trim(),
                Given: Text(a, "given"),
                Suffix: Text(a, "suffix"))).ToList()
            : [];
        Assert.True(!item.TryGetProperty("author", out _) || authors.EnumerateArray().All(a => !a.TryGetProperty("literal", out _)), $"{what}: a name read whole");
        AssertNames(paper, names, what);
    }

    /// <summary>Each author in the seed's order, split as the site's rule says, every word of the name kept.</summary>
    private static void AssertNames(SeededPaper paper, List<(string Family, string Given, string Suffix)> read, string what)
    {
        var expected = paper.Seed.Authors.Select(PersonName.Of).Select(n => (n.Family, n.Given, n.Suffix)).ToList();
        Assert.True(expected.SequenceEqual(read), $"{what}: expected {string.Join("; ", expected)} but read {string.Join("; ", read)}");
        Assert.Equal(paper.Seed.Authors.Select(a => string.Join(' ', a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order())),
            read.Select(n => string.Join(' ', $"{n.Given} {n.Family} {n.Suffix}".Split(' ', StringSplitOptions.RemoveEmptyEntries).Order())));
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() ?? "" : "";

    private static string Words(JsonElement name, params string[] parts) =>
        string.Join(' ', parts.SelectMany(part => name.GetProperty(part).EnumerateArray().Select(w => w.GetString())));
}
