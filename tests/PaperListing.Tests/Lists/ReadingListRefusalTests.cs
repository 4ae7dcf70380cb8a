using System.Net;
using PaperListing.Tests.Infrastructure;
using static PaperListing.Tests.Lists.ReadingListSite;

namespace PaperListing.Tests.Lists;

/// <summary>Addresses /list refuses, each with a page saying what is wrong and, where it can, the list meant.</summary>
public sealed class ReadingListRefusalTests(ReadingListSite site) : IClassFixture<ReadingListSite>
{
    [Theory]
    [InlineData("not-an-id", "\"not-an-id\" is not a paper id (parameter p)")]
    [InlineData("short", "\"short\" is not a paper id (parameter p)")]
    [InlineData("qebznk55xu", "\"qebznk55xu\" is not a paper id (parameter p)")]
    [InlineData("%3Cb%3Ebold%3C%2Fb%3Eeeeee", "\"<b>bold</b>eeeee\" is not a paper id (parameter p)")]
    public async Task Get_List_AMalformedId_Is400NamingItWithTheListWithoutIt(string bad, string message)
    {
        var second = await site.SecondIdsAsync();
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/list?p={second[0]}&p={bad}&p={second[1]}&title=Group");
        var page = await site.GetHtmlAsync($"/list?p={second[0]}&p={bad}&p={second[1]}&title=Group");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(message, page.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
        var link = page.QuerySelector("main a")!;
        Assert.Equal("Show the list without it", link.TextContent);
        Assert.Equal($"/list?p={second[0]}&p={second[1]}&title=Group", link.GetAttribute("href"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Theory]
    [InlineData("/list.bib")]
    [InlineData("/list.ris")]
    public async Task Get_ListFile_AMalformedId_Is400WithALinkToTheListPageWithoutIt(string file)
    {
        var second = await site.SecondIdsAsync();
        using var client = site.CreateClient();

        var response = await client.GetAsync($"{file}?p={second[0]}&p=not-an-id&title=Group");
        var page = await site.GetHtmlAsync($"{file}?p={second[0]}&p=not-an-id&title=Group");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var link = page.QuerySelector("main a")!;
        Assert.Equal("Show the list without it", link.TextContent);
        Assert.Equal($"/list?p={second[0]}&title=Group", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_List_SeveralMalformedIds_AreCountedInTheMessage()
    {
        var page = await site.GetHtmlAsync($"/list?p=one&p={TwoListingSite.FirstPaperId}&p=two&p=three");

        Assert.StartsWith("\"one\" and 2 more are not paper ids (parameter p)", page.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Show the list without them", page.QuerySelector("main a")!.TextContent);
    }

    [Fact]
    public async Task Get_List_OfMoreThan100Papers_Is400WithALinkToTheFirst100()
    {
        var ids = Enumerable.Range(0, 101).Select(n => $"zzzzzzz{n:000}").ToArray();
        using var client = site.CreateClient();

        var response = await client.GetAsync(ListUrl(ids));
        var page = await site.GetHtmlAsync(ListUrl(ids));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("A reading list holds at most 100 papers; this address names 101.", page.QuerySelector(".error-message")!.TextContent.Trim());
        var link = page.QuerySelector("main a")!;
        Assert.Equal("Show the first 100", link.TextContent);
        Assert.Equal(ListUrl(ids[..100]), link.GetAttribute("href"));
    }

    [Theory]
    [InlineData("title", 121, "The title has 121 characters; a reading list's title may have at most 120 (parameter title).")]
    [InlineData("note", 501, "The note has 501 characters; a reading list's note may have at most 500 (parameter note).")]
    public async Task Get_List_AnOverlongTitleOrNote_Is400SayingTheLimit(string name, int length, string message)
    {
        using var client = site.CreateClient();
        var url = $"/list?p={TwoListingSite.FirstPaperId}&{name}={new string('a', length)}";

        var response = await client.GetAsync(url);
        var page = await site.GetHtmlAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, page.QuerySelector(".error-message")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_List_WhoseAddressIsLongerThanTheSiteReads_Is414SayingSo()
    {
        var ids = Enumerable.Range(0, 100).Select(n => $"zzzzzzz{n:000}").ToArray();
        using var client = site.CreateClient();
        var url = $"{ListUrl(ids)}&note={Uri.EscapeDataString(new string('読', 200))}";

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Contains("a query may have at most 2,048 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("note")]
    public async Task Get_List_ARepeatedTitleOrNote_Is400(string name)
    {
        using var client = site.CreateClient();
        var url = $"/list?p={TwoListingSite.FirstPaperId}&{name}=a&{name}=b";

        var response = await client.GetAsync(url);
        var page = await site.GetHtmlAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"The {name} parameter is given more than once.", page.QuerySelector(".error-message")!.TextContent.Trim());
    }
}
