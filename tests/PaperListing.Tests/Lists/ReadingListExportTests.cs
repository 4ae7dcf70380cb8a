using System.Net;
using System.Text.Json;
using PaperListing.Tests.Infrastructure;
using static PaperListing.Tests.Lists.ReadingListSite;

namespace PaperListing.Tests.Lists;

/// <summary>A list's BibTeX, RIS and JSON: the papers' own entries in the list's order; refusals like the page's.</summary>
public sealed class ReadingListExportTests(ReadingListSite site) : IClassFixture<ReadingListSite>
{
    private async Task<string> TextAsync(string url)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Get_ListBibTex_HoldsEachPapersOwnEntryInTheListsOrder_WithoutTheMissingOnes()
    {
        var second = await site.SecondIdsAsync();
        string[] ids = [second[4], UnknownId, TwoListingSite.FirstPaperId, second[1]];

        var list = await TextAsync(ListUrl(ids).Replace("/list?", "/list.bib?", StringComparison.Ordinal));

        var at = 0;
        foreach (var id in ids.Where(id => id != UnknownId))
        {
            var own = await TextAsync($"/papers/{id}.bib");
            var found = list.IndexOf(own, at, StringComparison.Ordinal);
            Assert.True(found >= at, $"{id}'s own entry is not in the list's BibTeX after the ones before it");
            at = found + own.Length;
        }
        Assert.Equal(3, list.Split('\n').Count(line => line.StartsWith('@')));
        Assert.DoesNotContain(UnknownId, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ListRis_IsEachPapersOwnRecordInTheListsOrder()
    {
        var second = await site.SecondIdsAsync();
        string[] ids = [second[2], TwoListingSite.FirstPaperId, UnknownId];

        var list = await TextAsync(ListUrl(ids).Replace("/list?", "/list.ris?", StringComparison.Ordinal));

        Assert.Equal(await TextAsync($"/papers/{second[2]}.ris") + await TextAsync($"/papers/{TwoListingSite.FirstPaperId}.ris"), list);
    }

    [Theory]
    [InlineData("/list.bib?p=qebznk55xr&title=Thursday%27s%20Group", "application/x-bibtex; charset=utf-8", "thursday-s-group.bib")]
    [InlineData("/list.ris?p=qebznk55xr", "application/x-research-info-systems; charset=utf-8", "reading-list.ris")]
    public async Task Get_ListFiles_AreAttachmentsNamedForTheListsTitle(string url, string type, string fileName)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(type, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition.FileNameStar);
    }

    [Theory]
    [InlineData("/list.bib?p=qebznk55xr&p=nope", "\"nope\" is not a paper id (parameter p)")]
    [InlineData("/list.ris?p=qebznk55xr&title=a&title=b", "The title parameter is given more than once.")]
    public async Task Get_ListFiles_WithABadAddress_AreAFriendly400(string url, string message)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ApiList_AnswersTheListInOrderWithItsLinks()
    {
        var second = await site.SecondIdsAsync();
        var query = $"?p={second[3]}&p={UnknownId}&p={TwoListingSite.FirstPaperId}&title=Group&note=Read%20first";

        var json = JsonDocument.Parse(await TextAsync("/api/list" + query)).RootElement;

        Assert.Equal("Group", json.GetProperty("title").GetString());
        Assert.Equal("Read first", json.GetProperty("note").GetString());
        Assert.Equal(3, json.GetProperty("count").GetInt32());
        var papers = json.GetProperty("papers").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], papers.Select(p => p.GetProperty("position").GetInt32()));
        Assert.Equal([second[3], UnknownId, TwoListingSite.FirstPaperId], papers.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, papers[1].GetProperty("paper").ValueKind);
        Assert.Equal("http://localhost" + TwoListingSite.FirstPaperPath, papers[2].GetProperty("paper").GetProperty("links").GetProperty("html").GetString());
        Assert.Equal("Behnam Neyshabur", papers[2].GetProperty("paper").GetProperty("authors")[0].GetProperty("name").GetString());
        var links = json.GetProperty("links");
        Assert.Equal($"http://localhost/api/list?p={second[3]}&p={UnknownId}&p={TwoListingSite.FirstPaperId}&title=Group&note=Read%20first", links.GetProperty("self").GetString());
        Assert.Equal($"http://localhost/list?p={second[3]}&p={UnknownId}&p={TwoListingSite.FirstPaperId}&title=Group&note=Read%20first", links.GetProperty("html").GetString());
        Assert.StartsWith("http://localhost/list.bib?", links.GetProperty("bibTex").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/list.ris?", links.GetProperty("ris").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ApiList_Empty_IsAListOfNothing()
    {
        var json = JsonDocument.Parse(await TextAsync("/api/list")).RootElement;

        Assert.Equal(0, json.GetProperty("count").GetInt32());
        Assert.Empty(json.GetProperty("papers").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("title").ValueKind);
    }

    [Theory]
    [InlineData("/api/list?p=qebznk55xr&p=bad-id", "\"bad-id\" is not a paper id (parameter p)")]
    [InlineData("/api/list?note=a&note=b", "The note parameter is given more than once.")]
    public async Task Get_ApiList_WithABadAddress_IsAProblem400(string url, string detail)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.StartsWith(detail, json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ApiList_OfMoreThan100Papers_IsAProblem400()
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(ListUrl([.. Enumerable.Range(0, 101).Select(n => $"zzzzzzz{n:000}")]).Replace("/list", "/api/list", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("A reading list holds at most 100 papers; this address names 101.",
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }
}
