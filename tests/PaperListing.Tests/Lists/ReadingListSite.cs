using AngleSharp.Html.Dom;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Lists;

/// <summary>The two-listing site, with the ids of the second listing's papers as its pages show them, for making lists.</summary>
public sealed class ReadingListSite : TwoListingSite
{
    /// <summary>An id in the right form that no paper has.</summary>
    public const string UnknownId = "zzzzzzzzzz";

    private IReadOnlyList<string>? _secondIds;

    /// <summary>The ids of the second listing's first page, in its order.</summary>
    public async Task<IReadOnlyList<string>> SecondIdsAsync() =>
        _secondIds ??= (await GetHtmlAsync($"/related/{SecondSlug}")).QuerySelectorAll("article.paper").Select(a => a.Id!).ToList();

    public static string ListUrl(params string[] ids) => "/list?" + string.Join("&", ids.Select(id => "p=" + id));

    /// <summary>The ids of a list page's entries in order: a card's article id, or a missing paper's data-id.</summary>
    public static List<string> EntryIds(IHtmlDocument page) =>
        page.QuerySelectorAll("ol.reading-list > li").Select(li => li.QuerySelector("article")?.Id ?? li.GetAttribute("data-id")!).ToList();
}
