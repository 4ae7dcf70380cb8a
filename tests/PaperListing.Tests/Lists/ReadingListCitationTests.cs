using System.Text.Json;
using PaperListing.Tests.Infrastructure;
using static PaperListing.Tests.Lists.ReadingListSite;

namespace PaperListing.Tests.Lists;

/// <summary>A list's BibTeX and RIS as a reference manager reads them: citation-js (npm), run with Node.</summary>
public sealed class ReadingListCitationTests(ReadingListSite site) : IClassFixture<ReadingListSite>
{
    /// <summary>The entries citation-js finds in <paramref name="text"/>, as CSL-JSON (read from a file, as the citation tests read theirs).</summary>
    private static async Task<List<JsonElement>> ReadAsync(string format, string text)
    {
        var folder = Directory.CreateTempSubdirectory("paperlisting-list-");
        try
        {
            var file = Path.Combine(folder.FullName, format == "ris" ? "list.ris" : "list.bib");
            await File.WriteAllTextAsync(file, text);
            return [.. (await ReferenceReaders.CitationJsAsync(file)).EnumerateArray()];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ListBibTex_IsReadByCitationJs_AsTheListsPapersInOrder()
    {
        var second = await site.SecondIdsAsync();
        using var client = site.CreateClient();
        var bib = await client.GetStringAsync(ListUrl(second[2], UnknownId, TwoListingSite.FirstPaperId).Replace("/list?", "/list.bib?", StringComparison.Ordinal));

        var entries = await ReadAsync("bibtex", bib);

        Assert.Equal([second[2], TwoListingSite.FirstPaperId], entries.Select(e => e.GetProperty("id").GetString()!.Split('-')[^1]));
        Assert.Equal("http://localhost" + TwoListingSite.FirstPaperPath, entries[1].GetProperty("URL").GetString());
        Assert.Equal(4, entries[1].GetProperty("author").GetArrayLength());
        Assert.Equal([2017, 5, 10], entries[1].GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(n => n.GetInt32()));
        Assert.StartsWith("Paper 3 studies Second Listing", entries[0].GetProperty("abstract").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListRis_IsReadByCitationJs_AsTheListsPapersInOrder()
    {
        var second = await site.SecondIdsAsync();
        using var client = site.CreateClient();
        var ris = await client.GetStringAsync(ListUrl(TwoListingSite.FirstPaperId, second[0]).Replace("/list?", "/list.ris?", StringComparison.Ordinal));

        var entries = await ReadAsync("ris", ris);

        Assert.Equal([TwoListingSite.FirstPaperId, second[0]], entries.Select(e => new Uri(e.GetProperty("URL").GetString()!).Segments[2].TrimEnd('/')));
        Assert.Equal(4, entries[0].GetProperty("author").GetArrayLength());
    }
}
