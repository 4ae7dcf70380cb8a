using System.Globalization;
using System.Text;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Search;

/// <summary>Papers written with one form of a word, for searches typed with another.</summary>
public sealed class WordFormSite : SiteFactory
{
    public const string Tensors = "Tensors of low rank are studied in this paper.";
    public const string Tensor = "A tensor decomposition for one tensor at a time.";
    public const string Regularize = "We regularize the weights of a small model.";
    public const string Regularization = "Regularization of deep networks, revisited.";
    public const string Regularizing = "Regularizing a model by adding noise.";
    public const string Angstrom = "Distances of one Ångström in crystals.";

    public WordFormSite()
    {
        string[] abstracts = [Tensors, Tensor, Regularize, Regularization, Regularizing, Angstrom];
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"English\nRelated papers\n\nRelated papers: Word Forms\n\n{abstracts.Length} papers\n\n"));
        foreach (var (abstractText, n) in abstracts.Select((a, i) => (a, i)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{abstractText}\n\nMachine Learning · Computer Science 2020-01-0{n + 1} Writer {n}\n\n");
        }
        WithSeed("000_forms.txt", text.ToString());
    }
}

/// <summary>Search understands forms of words: stems, a word still being typed, case and accents; exact forms rank first.</summary>
public sealed class SearchWordFormTests(WordFormSite site) : IClassFixture<WordFormSite>
{
    [Theory]
    [InlineData("tensors", new[] { WordFormSite.Tensors, WordFormSite.Tensor })]
    [InlineData("tensor", new[] { WordFormSite.Tensor, WordFormSite.Tensors })]
    [InlineData("TENSORS", new[] { WordFormSite.Tensors, WordFormSite.Tensor })]
    public async Task AWordFindsItsOtherForms_TheFormTypedFirst(string q, string[] expected)
    {
        var page = await site.GetHtmlAsync($"/search?q={q}");

        Assert.Equal(expected, SearchSite.Abstracts(page));
    }

    [Theory]
    [InlineData("regularize", WordFormSite.Regularize)]
    [InlineData("regularization", WordFormSite.Regularization)]
    [InlineData("Regularizing", WordFormSite.Regularizing)]
    public async Task EachFormOfRegularize_FindsAllThree_ItsOwnFirst(string q, string first)
    {
        var page = await site.GetHtmlAsync($"/search?q={q}");

        var found = SearchSite.Abstracts(page);
        Assert.Equal(3, found.Length);
        Assert.Equal(first, found[0]);
        Assert.Equal([WordFormSite.Regularization, WordFormSite.Regularizing, WordFormSite.Regularize], found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheLastWordTyped_IsAlsoTheStartOfAWord_AndTheFormsFoundAreMarked()
    {
        var page = await site.GetHtmlAsync("/search?q=regulariz");

        Assert.Equal(3, SearchSite.ResultCount(page));
        Assert.Equal(["Regularization", "Regularizing", "regularize"],
            page.QuerySelectorAll("article.paper [itemprop=abstract] mark").Select(m => m.TextContent).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OnlyTheLastWord_IsTakenAsAStart()
    {
        Assert.Equal(0, SearchSite.ResultCount(await site.GetHtmlAsync("/search?q=regulariz+deep")));
        Assert.Equal([WordFormSite.Regularization], SearchSite.Abstracts(await site.GetHtmlAsync("/search?q=deep+regulariz")));
        Assert.Equal(0, SearchSite.ResultCount(await site.GetHtmlAsync("/search?q=te")));
    }

    [Fact]
    public async Task StemsFound_AreMarkedInTheirOwnForm()
    {
        var page = await site.GetHtmlAsync("/search?q=tensors");

        Assert.Equal(["Tensors", "tensor", "tensor"], page.QuerySelectorAll("article.paper [itemprop=abstract] mark").Select(m => m.TextContent));
    }

    [Theory]
    [InlineData("angstrom")]
    [InlineData("ÅNGSTRÖM")]
    [InlineData("angstr")]
    public async Task CaseAndAccents_DoNotMatter(string q)
    {
        var page = await site.GetHtmlAsync($"/search?q={Uri.EscapeDataString(q)}");

        Assert.Equal([WordFormSite.Angstrom], SearchSite.Abstracts(page));
        Assert.Equal("Ångström", page.QuerySelector("article.paper mark")!.TextContent);
    }

    [Theory]
    [InlineData("tensor:*", 2)]
    [InlineData("tensor*", 2)]
    [InlineData("\"tensor\"", 2)]
    [InlineData("tensor' | 'rank", 1)]
    [InlineData("tensor & !rank", 1)]
    [InlineData("tensor <-> rank", 1)]
    [InlineData("NEAR(tensor rank)", 0)]
    [InlineData("tensor OR rank", 0)]
    [InlineData("{Abstract}:tensor", 0)]
    [InlineData("tensor -rank", 1)]
    public async Task QuerySyntax_IsPlainText(string q, int found)
    {
        var page = await site.GetHtmlAsync($"/search?q={Uri.EscapeDataString(q)}");

        Assert.Equal(found, SearchSite.ResultCount(page));
        Assert.All(SearchSite.Abstracts(page), a => Assert.Contains("ensor", a, StringComparison.Ordinal));
    }
}
