using AngleSharp.Html.Dom;
using PaperListing.Tests.Infrastructure;
using static PaperListing.Tests.Lists.ReadingListSite;

namespace PaperListing.Tests.Lists;

/// <summary>Without JavaScript, the cards of every list of papers are a GET form to /list with a box per card.</summary>
public sealed class PickFormTests(ReadingListSite site) : IClassFixture<ReadingListSite>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/related/second-listing?page=2")]
    [InlineData("/authors/shared-author")]
    [InlineData("/subjects/machine-learning-in-computer-science")]
    [InlineData("/search?q=deep")]
    [InlineData("/related/second-listing?q=studies&sort=newest")]
    public async Task EveryCard_HasASelectBoxInAGetFormToTheList(string url)
    {
        var page = await site.GetHtmlAsync(url);

        var form = Assert.Single(page.QuerySelectorAll("form.pick-form"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/list", form.GetAttribute("action"));
        var cards = form.QuerySelectorAll("article.paper").ToList();
        Assert.NotEmpty(cards);
        Assert.All(cards, card =>
        {
            var box = Assert.Single(card.QuerySelectorAll("input[type=checkbox]"));
            Assert.Equal("p", box.GetAttribute("name"));
            Assert.Equal(card.Id, box.GetAttribute("value"));
            Assert.StartsWith("Select “", box.ParentElement!.TextContent.Trim(), StringComparison.Ordinal);
        });
        Assert.Equal("Show selected", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
    }

    [Fact]
    public async Task APaperPage_HasASelectBoxForItsPaper()
    {
        var page = await site.GetHtmlAsync(TwoListingSite.FirstPaperPath);

        var form = Assert.Single(page.QuerySelectorAll("form.pick-one"));
        Assert.Equal("/list", form.GetAttribute("action"));
        Assert.Equal(TwoListingSite.FirstPaperId, Assert.Single(form.QuerySelectorAll("input[type=checkbox][name=p]")).GetAttribute("value"));
        // The similar papers below it are picked like any list's cards: each box inside a form that opens the list.
        Assert.NotEmpty(page.QuerySelectorAll("#similar article.paper"));
        Assert.All(page.QuerySelectorAll("#similar article.paper"), card =>
            Assert.Equal("/list", card.Closest("form.pick-form")?.GetAttribute("action")));
    }

    [Fact]
    public async Task SubmittingThePickForm_OpensTheTickedPapersInThePagesOrder()
    {
        var page = await site.GetHtmlAsync("/related/second-listing?page=2");
        var form = (IHtmlFormElement)page.QuerySelector("form.pick-form")!;
        var boxes = form.QuerySelectorAll("input[name=p]").Cast<IHtmlInputElement>().ToList();
        boxes[4].IsChecked = true;
        boxes[1].IsChecked = true;

        var submission = form.GetSubmission()!;
        var target = new Uri(submission.Target.Href);
        var list = await site.GetHtmlAsync(target.PathAndQuery);

        Assert.Equal([boxes[1].Value, boxes[4].Value], EntryIds(list));
    }

    [Fact]
    public async Task TheHeader_HasTheSelectionCounter_HiddenUntilScriptFillsIt()
    {
        var page = await site.GetHtmlAsync("/");

        var counter = page.QuerySelector("header .reading-list-link")!;
        Assert.True(counter.HasAttribute("hidden"));
        Assert.Equal("/list", counter.GetAttribute("href"));
    }
}
