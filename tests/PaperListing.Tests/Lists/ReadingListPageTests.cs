using System.Net;
using PaperListing.Tests.Infrastructure;
using static PaperListing.Tests.Lists.ReadingListSite;

namespace PaperListing.Tests.Lists;

/// <summary>/list?p=…: the papers of the address in its order, numbered, with its title and note as text.</summary>
public sealed class ReadingListPageTests(ReadingListSite site) : IClassFixture<ReadingListSite>
{
    [Fact]
    public async Task Get_List_ShowsThePapersAsCardsInTheAddressOrder()
    {
        var second = await site.SecondIdsAsync();
        using var client = site.CreateClient();

        var response = await client.GetAsync(ListUrl(second[2], TwoListingSite.FirstPaperId, second[0]));
        var page = await site.GetHtmlAsync(ListUrl(second[2], TwoListingSite.FirstPaperId, second[0]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([second[2], TwoListingSite.FirstPaperId, second[0]], EntryIds(page));
        Assert.Equal("Reading list", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("3 papers", page.QuerySelector(".list-count")!.TextContent.Trim());
        Assert.StartsWith("Paper 3 studies Second Listing", page.QuerySelector("ol.reading-list [itemprop=abstract]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("ol.reading-list input[type=checkbox]"));
    }

    [Fact]
    public async Task Get_List_NumbersItsEntriesInOneOrderedList()
    {
        var second = await site.SecondIdsAsync();

        var page = await site.GetHtmlAsync(ListUrl(second[0], UnknownId, second[1]));

        var list = Assert.Single(page.QuerySelectorAll("main ol"));
        Assert.Contains("reading-list", list.ClassList);
        Assert.Equal(3, list.Children.Length);
        Assert.All(list.Children, li => Assert.Equal("LI", li.TagName));
    }

    [Fact]
    public async Task Get_List_ARepeatedIdInAnyCase_IsKeptOnceWhereItWasFirstNamed()
    {
        var second = await site.SecondIdsAsync();

        var page = await site.GetHtmlAsync($"/list?p={second[1]}&p={second[0]}&p={second[1].ToUpperInvariant()}&p=&p={second[0]}");

        Assert.Equal([second[1], second[0]], EntryIds(page));
        Assert.Equal($"http://localhost/list?p={second[1]}&p={second[0]}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_List_AnUnknownId_IsListedInItsPlaceAsNoLongerInThisSite()
    {
        var second = await site.SecondIdsAsync();
        using var client = site.CreateClient();

        var response = await client.GetAsync(ListUrl(second[0], UnknownId, second[1]));
        var page = await site.GetHtmlAsync(ListUrl(second[0], UnknownId, second[1]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([second[0], UnknownId, second[1]], EntryIds(page));
        var missing = page.QuerySelectorAll("ol.reading-list > li")[1];
        Assert.Equal($"Paper {UnknownId} is no longer in this site.", missing.TextContent.Trim());
        Assert.Null(missing.QuerySelector("article"));
    }

    [Fact]
    public async Task Get_List_Of100Papers_IsShown()
    {
        var second = await site.SecondIdsAsync();
        var ids = second.Concat(Enumerable.Range(0, 100 - second.Count).Select(n => $"zzzzzzz{n:000}")).ToArray();

        var page = await site.GetHtmlAsync(ListUrl(ids));

        Assert.Equal(ids, EntryIds(page));
        Assert.Equal("100 papers", page.QuerySelector(".list-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_List_TitleAndNote_AreShownAsPlainTextNeverAsMarkup()
    {
        var title = Uri.EscapeDataString("  Thursday's <script>alert(1)</script>\u202E group  ");
        var note = Uri.EscapeDataString("Read <b>these</b> first.\r\nThen the rest &amp; more.");

        var page = await site.GetHtmlAsync($"/list?p={TwoListingSite.FirstPaperId}&title={title}&note={note}");

        Assert.Equal("Thursday's <script>alert(1)</script> group", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Read <b>these</b> first.\nThen the rest &amp; more.", page.QuerySelector(".list-note")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script, main b"));
        Assert.Equal("Thursday's <script>alert(1)</script> group", page.QuerySelector("#list-title")!.GetAttribute("value"));
        Assert.Equal("Read <b>these</b> first.\nThen the rest &amp; more.", page.QuerySelector("#list-note")!.TextContent);
    }

    [Fact]
    public async Task Get_List_HasALinkPreviewSayingReadingListAndItsTitle_AndIsNotIndexed()
    {
        var second = await site.SecondIdsAsync();

        var page = await site.GetHtmlAsync($"{ListUrl(second[0], second[1], UnknownId)}&title=Thursday%20group&note=Sections%202%20and%203");

        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");
        Assert.Equal("Reading list: 3 papers — Thursday group", Meta("meta[property='og:title']"));
        Assert.Equal("Reading list: 3 papers — Thursday group", Meta("meta[name='twitter:title']"));
        Assert.Equal("Sections 2 and 3", Meta("meta[property='og:description']"));
        Assert.Equal("noindex", Meta("meta[name=robots]"));
        Assert.Equal($"http://localhost{ListUrl(second[0], second[1], UnknownId)}&title=Thursday%20group&note=Sections%202%20and%203",
            page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("Reading list: 3 papers — Thursday group · PaperListing", page.Title);
    }

    [Fact]
    public async Task Get_List_WithoutATitle_PreviewsItsCountAndItsPapers()
    {
        var page = await site.GetHtmlAsync(ListUrl(TwoListingSite.FirstPaperId));

        Assert.Equal("Reading list: 1 paper", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.StartsWith("“We argue that the optimization", page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_EmptyList_SaysHowToPickPapers()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/list");
        var page = await site.GetHtmlAsync("/list");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0 papers", page.QuerySelector(".list-count")!.TextContent.Trim());
        Assert.Contains("This list is empty. Tick “Select” on papers", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Get_List_InJapanese_IsTranslated()
    {
        var page = await site.GetHtmlAsync($"{ListUrl(TwoListingSite.FirstPaperId, UnknownId)}&culture=ja");
        var refused = await site.GetHtmlAsync("/list?p=oops&culture=ja");

        Assert.Equal("読書リスト", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("2 件の論文", page.QuerySelector(".list-count")!.TextContent.Trim());
        Assert.Equal($"論文 {UnknownId} はこのサイトにはもうありません。", page.QuerySelector("li.missing")!.TextContent.Trim());
        Assert.Equal("読書リスト: 2 件の論文", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.StartsWith("「oops」は論文 ID ではありません", refused.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTitleAndNoteForm_KeepsTheListAndPutsThemInTheLink()
    {
        var second = await site.SecondIdsAsync();
        var page = await site.GetHtmlAsync(ListUrl(second[1], second[0]));

        var form = page.QuerySelector("form.list-details-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/list", form.GetAttribute("action"));
        Assert.Equal([second[1], second[0]], form.QuerySelectorAll("input[type=hidden][name=p]").Select(i => i.GetAttribute("value")));
        Assert.Equal("120", form.QuerySelector("input[name=title]")!.GetAttribute("maxlength"));
        Assert.Equal("500", form.QuerySelector("textarea[name=note]")!.GetAttribute("maxlength"));
    }

    [Fact]
    public async Task TheListPage_LinksItsFilesAndGivesItsLinkToCopy()
    {
        var second = await site.SecondIdsAsync();
        var url = $"{ListUrl(second[1], second[0])}&title=Group";

        var page = await site.GetHtmlAsync(url);

        Assert.Equal($"/list.bib{url[5..]}", page.QuerySelector("a[type='application/x-bibtex']")!.GetAttribute("href"));
        Assert.Equal($"/list.ris{url[5..]}", page.QuerySelector("a[type='application/x-research-info-systems']")!.GetAttribute("href"));
        Assert.Equal($"/api/list{url[5..]}", page.QuerySelector("a[type='application/json']")!.GetAttribute("href"));
        Assert.Equal($"http://localhost{url}", page.QuerySelector("#list-link")!.GetAttribute("value"));
    }
}
