using System.Net;

namespace PaperListing.Tests.Pages;

/// <summary>English and Japanese: chosen by address, cookie or browser; paper content never translated.</summary>
public sealed class LanguageTests(ListingPageTests.RealSeedSite site) : IClassFixture<ListingPageTests.RealSeedSite>
{
    [Fact]
    public async Task Get_WithCultureJa_ShowsJapaneseUiAndUntranslatedPapers()
    {
        var page = await site.GetHtmlAsync("/?culture=ja");

        Assert.Equal("ja", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("関連論文: Implicit Regularization in Deep Learning", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("元のリストにある 200 件の論文のうち、このサイトにあるのは 20 件です。", page.QuerySelector(".source-note")!.TextContent.Trim());
        var date = page.QuerySelector("data[itemprop=datePublished]")!;
        Assert.Equal("2017年5月10日", date.TextContent);
        Assert.Equal("2017-05-10", date.GetAttribute("value"));
        Assert.StartsWith("We argue that the optimization", page.QuerySelector("[itemprop=abstract]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithJapaneseAcceptLanguage_DefaultsToJapanese()
    {
        using var client = site.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja-JP,ja;q=0.9,en;q=0.5");

        var html = await client.GetStringAsync("/");

        Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithoutPreference_IsEnglish()
    {
        var page = await site.GetHtmlAsync("/");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("This copy holds 20 of the 200 papers the source lists.", page.QuerySelector(".source-note")!.TextContent.Trim());
    }

    [Fact]
    public async Task ChoosingALanguage_IsRememberedInALaxHttpOnlyCookie()
    {
        using var client = site.CreateClient();

        var chosen = await client.GetAsync("/?culture=ja");
        var later = await client.GetStringAsync("/related/implicit-regularization-in-deep-learning");

        var cookie = Assert.Single(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<html lang=\"ja\">", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSelector_LinksEachLanguageOnTheSamePage()
    {
        var page = await site.GetHtmlAsync("/?culture=ja");

        var links = page.QuerySelectorAll("nav.languages a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href"));
        Assert.Equal("/?culture=en", links["English"]);
        Assert.Equal("/?culture=ja", links["日本語"]);
        Assert.Equal("true", page.QuerySelector("nav.languages a[lang=ja]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task ErrorPages_AreTranslatedToo()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/?page=abc&culture=ja");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("不正なリクエスト", html, StringComparison.Ordinal);
        Assert.Contains("「abc」はページ番号ではありません", html, StringComparison.Ordinal);
    }
}
