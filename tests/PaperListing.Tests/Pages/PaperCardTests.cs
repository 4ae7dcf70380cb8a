using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Pages;

/// <summary>What each card of a list shows: a heading made of the abstract's first sentence, its place, a calm meta line, its actions.</summary>
public sealed class PaperCardTests(TwoListingSite site) : IClassFixture<TwoListingSite>
{
    private const string FirstAbstract =
        "We argue that the optimization plays a crucial role in generalization of deep learning models through implicit regularization. We do this by demonstrating that generalization ability is not controlled by network size but rather by some…";

    [Fact]
    public async Task Card_HeadingIsTheFirstSentenceLinkingThePaper_AndTheSnippetGoesOnAfterIt()
    {
        var page = await site.GetHtmlAsync("/");

        var card = page.QuerySelector("article.paper")!;
        var heading = card.QuerySelector("h2")!;
        Assert.Equal("We argue that the optimization plays a crucial role in generalization of deep learning models through implicit regularization.", heading.TextContent);
        Assert.Equal(TwoListingSite.FirstPaperPath, heading.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("We do this by demonstrating that generalization ability is not controlled by network size but rather by some…", card.QuerySelector(".snippet")!.TextContent);
        Assert.Equal(FirstAbstract, card.QuerySelector("[itemprop=abstract]")!.TextContent); // nothing added, nothing repeated
        Assert.All(page.QuerySelectorAll("article.paper"), a => Assert.NotNull(a.QuerySelector("h2 a[href^='/papers/']")));
    }

    [Fact]
    public async Task Cards_ShowTheirPosition_TheNumberThePaperPageGives()
    {
        var page = await site.GetHtmlAsync($"/related/{TwoListingSite.SecondSlug}?page=2");

        var cards = page.QuerySelectorAll("article.paper");
        Assert.Equal(Enumerable.Range(21, 20).Select(n => $"{n}"), cards.Select(c => c.QuerySelector(".position")!.TextContent));
        Assert.Equal("Papers 21–40 of 45 · page 2 of 3", page.QuerySelector(".place")!.TextContent.Trim());
        var paper = await site.GetHtmlAsync(cards[6].QuerySelector("h2 a")!.GetAttribute("href")!);
        Assert.Contains("no. 27, page 2", paper.QuerySelector(".places li")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorPage_MarksThatAuthorInEveryCard_AndKeepsEveryOtherLink()
    {
        var page = await site.GetHtmlAsync("/authors/nadav-cohen");

        var cards = page.QuerySelectorAll("article.paper");
        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.Equal(["Nadav Cohen"], c.QuerySelectorAll(".authors a.current").Select(a => a.TextContent)));
        Assert.All(cards, c => Assert.Equal(c.QuerySelectorAll("[itemprop=author]").Length, c.QuerySelectorAll(".authors a[href^='/authors/']").Length));
    }

    [Fact]
    public async Task SubjectPage_MarksThatSubjectInEveryCard()
    {
        var field = await site.GetHtmlAsync("/subjects/computer-science");
        var category = await site.GetHtmlAsync("/subjects/machine-learning-in-computer-science");

        Assert.All(field.QuerySelectorAll("article.paper"), c => Assert.Equal(["Computer Science"], c.QuerySelectorAll(".subjects a.current").Select(a => a.TextContent)));
        Assert.All(category.QuerySelectorAll("article.paper"), c => Assert.Equal(["Machine Learning"], c.QuerySelectorAll(".subjects a.current").Select(a => a.TextContent)));
        Assert.Empty((await site.GetHtmlAsync("/")).QuerySelectorAll(".meta a.current"));
    }

    [Fact]
    public async Task Card_ActionsArePlainLinksToTheAddressAndTheBibTeX_WithoutJavaScript()
    {
        var page = await site.GetHtmlAsync("/");

        var actions = page.QuerySelector("article.paper .actions")!.QuerySelectorAll("a[data-copy]");
        Assert.Equal([("link", TwoListingSite.FirstPaperPath, "Link"), ("bibtex", $"/papers/{TwoListingSite.FirstPaperId}.bib", "BibTeX")],
            actions.Select(a => (a.GetAttribute("data-copy"), a.GetAttribute("href"), a.TextContent)));
        Assert.Equal(["Copy link", "Copy BibTeX"], actions.Select(a => a.GetAttribute("data-copy-label")));
    }
}
