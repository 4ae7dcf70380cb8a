using System.Globalization;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Search;

/// <summary>Facet counts beside the results: each is what a click on it shows.</summary>
public sealed class SearchFacetTests(SearchSite site) : IClassFixture<SearchSite>
{
    [Theory]
    [InlineData("/search?q=graph")]
    [InlineData("/search?q=graph&subject=mathematics")]
    [InlineData("/search?q=graph&from=2016&to=2016")]
    [InlineData("/related/tensor-studies?q=tensor")]
    [InlineData("/related/tensor-studies?author=shared-author&sort=newest")]
    [InlineData("/search?author=other-person")]
    public async Task EveryFacetCount_EqualsTheResultsItsLinkShows(string url)
    {
        var page = await site.GetHtmlAsync(url);
        var facets = page.QuerySelectorAll(".facets a").ToList();
        Assert.NotEmpty(facets);

        foreach (var link in facets)
        {
            var shown = int.Parse(link.NextElementSibling!.TextContent, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            var clicked = await site.GetHtmlAsync(link.GetAttribute("href")!);
            Assert.True(shown == SearchSite.ResultCount(clicked), $"{link.TextContent} on {url}: shows {shown}, its link {link.GetAttribute("href")} shows {SearchSite.ResultCount(clicked)}");
        }
    }

    [Fact]
    public async Task Facets_NameFieldsCategoriesAndYears()
    {
        var page = await site.GetHtmlAsync("/search?q=graph");

        var subjects = page.QuerySelectorAll("#facet-subjects + ul a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Computer Science", "Machine Learning", "Mathematics", "Combinatorics"], subjects);
        var years = page.QuerySelectorAll(".facet-list.years a").Select(a => a.TextContent).ToList();
        Assert.Equal(["2020", "2019", "2018", "2017", "2016", "2015", "2014"], years);
        Assert.Equal("/search?q=graph&from=2018&to=2018", page.QuerySelectorAll(".facet-list.years a")[2].GetAttribute("href"));
    }

    [Fact]
    public async Task TheChosenFacet_IsMarked_AndItsFilterCanBeRemoved()
    {
        var page = await site.GetHtmlAsync("/search?q=graph&subject=combinatorics-in-mathematics");

        Assert.Equal("Combinatorics", page.QuerySelector(".facets a[aria-current=true]")!.TextContent);
        Assert.Equal("/search?q=graph", page.QuerySelector(".active-filters a")!.GetAttribute("href"));
    }
}
