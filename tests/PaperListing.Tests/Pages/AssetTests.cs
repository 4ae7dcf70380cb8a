using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace PaperListing.Tests.Pages;

/// <summary>Every asset comes from the site itself, fingerprinted, cached for a year and sent compressed when the browser accepts it.</summary>
public sealed partial class AssetTests(ListingPageTests.RealSeedSite site) : IClassFixture<ListingPageTests.RealSeedSite>
{
    [Fact]
    public async Task Page_LinksOnlyFingerprintedAssetsOfItsOwn()
    {
        var page = await site.GetHtmlAsync("/");

        var assets = page.QuerySelectorAll("link[rel=stylesheet], link[rel=icon], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();

        Assert.NotEmpty(assets);
        Assert.All(assets, href => Assert.Matches(Fingerprinted(), href));
    }

    [Fact]
    public async Task Page_LoadsNoKaTeX_ItsFormulasArriveTypeset()
    {
        var page = await site.GetHtmlAsync("/");

        Assert.Empty(page.QuerySelectorAll("script[src*=katex], link[href*=katex], script[src*=math]"));
    }

    [Fact]
    public async Task FingerprintedAsset_IsCachedForAYear()
    {
        var page = await site.GetHtmlAsync("/");
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var client = site.CreateClient();

        var response = await client.GetAsync(css);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asset_IsSentCompressed_WhenAccepted_AndReadsBackAsTheFile()
    {
        var page = await site.GetHtmlAsync("/");
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var client = site.CreateClient();
        var plain = await client.GetByteArrayAsync(css);

        using var request = new HttpRequestMessage(HttpMethod.Get, css);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await client.SendAsync(request);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var sent = await response.Content.ReadAsByteArrayAsync();
        Assert.True(sent.Length < plain.Length / 2, $"{sent.Length} bytes sent for a {plain.Length}-byte stylesheet");
        await using var unzipped = new GZipStream(new MemoryStream(sent), CompressionMode.Decompress);
        using var read = new MemoryStream();
        await unzipped.CopyToAsync(read);
        Assert.Equal(plain, read.ToArray());
    }

    [Fact]
    public async Task UnknownAsset_IsAFriendly404()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/css/no-such-file.css");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex(@"^/(css/|js/)?[a-z]+\.[a-z0-9]{8,}\.(css|js|svg)$")]
    private static partial Regex Fingerprinted();
}
