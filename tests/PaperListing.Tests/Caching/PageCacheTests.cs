using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Importing;

namespace PaperListing.Tests.Caching;

/// <summary>Repeat views: pages come from the cache until an import changes the papers; browsers revalidate with ETags.</summary>
public sealed class PageCacheTests
{
    private static HttpClient Client(SiteFactory site) => site.CreateClient(new() { AllowAutoRedirect = false });

    private static void ChangeAndImport(SiteFactory site)
    {
        site.WithSeed("001.txt", TestSeeds.Dump("Cached Listing", 3, first: 500));
        site.Services.GetRequiredService<SeedImporter>().Import(CancellationToken.None);
    }

    [Fact]
    public async Task Get_Twice_SecondIsServedFromTheCache()
    {
        using var site = new SiteFactory().WithSeed("001.txt", TestSeeds.Dump("Cached Listing", 3));
        using var client = Client(site);

        var first = await client.GetAsync("/");
        var second = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Import_ThatChangesAFile_EvictsTheCachedPage()
    {
        using var site = new SiteFactory().WithSeed("001.txt", TestSeeds.Dump("Cached Listing", 3));
        using var client = Client(site);
        var before = await client.GetStringAsync("/");
        Assert.Contains("Paper 1 studies", before, StringComparison.Ordinal);

        ChangeAndImport(site);
        var after = await client.GetStringAsync("/");

        Assert.DoesNotContain("Paper 1 studies", after, StringComparison.Ordinal);
        Assert.Contains("Paper 500 studies", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ThatChangesNothing_KeepsTheCachedPage()
    {
        using var site = new SiteFactory().WithSeed("001.txt", TestSeeds.Dump("Cached Listing", 3));
        using var client = Client(site);
        await client.GetAsync("/");

        site.Services.GetRequiredService<SeedImporter>().Import(CancellationToken.None);
        var again = await client.GetAsync("/");

        Assert.NotNull(again.Headers.Age);
    }

    [Fact]
    public async Task Get_WithTheCurrentETag_Returns304_AndAfterAChange_200WithANewETag()
    {
        using var site = new SiteFactory().WithSeed("001.txt", TestSeeds.Dump("Cached Listing", 3));
        using var client = Client(site);
        var page = await client.GetAsync("/related/cached-listing?page=1");
        var etag = page.Headers.ETag;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/related/cached-listing?page=1");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(conditional);
        ChangeAndImport(site);
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, "/related/cached-listing?page=1");
        afterChange.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(afterChange);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("Paper 500 studies", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MissingPageWithAnETag_IsStill404()
    {
        using var site = new SiteFactory().WithSeed("001.txt", TestSeeds.Dump("Cached Listing", 3));
        using var client = Client(site);
        var etag = (await client.GetAsync("/")).Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/related/no-such-listing");
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        var missing = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.NotNull(etag);
        Assert.Null(missing.Headers.ETag);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Get_AcceptingCompression_GetsTheSamePageCompressed(string encoding)
    {
        using var site = new SiteFactory().WithRealSeed();
        using var client = Client(site);
        var plain = await client.GetAsync("/");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var compressed = await client.SendAsync(request);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        var bytes = await compressed.Content.ReadAsByteArrayAsync();
        await using Stream decompressing = encoding == "br"
            ? new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(decompressing);
        var html = await reader.ReadToEndAsync();
        Assert.Equal(await plain.Content.ReadAsStringAsync(), html);
        Assert.True(bytes.Length < html.Length / 3, "compressed to well under a third");
    }

    [Fact]
    public async Task Get_InTwoLanguages_EachIsCachedApart_WithItsOwnETag()
    {
        using var site = new SiteFactory().WithRealSeed();
        using var english = Client(site);
        using var japanese = Client(site);
        japanese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");

        var en1 = await english.GetAsync("/");
        var ja1 = await japanese.GetAsync("/");
        var en2 = await english.GetAsync("/");
        var ja2 = await japanese.GetAsync("/");
        using var crossed = new HttpRequestMessage(HttpMethod.Get, "/");
        crossed.Headers.IfNoneMatch.Add(en1.Headers.ETag!);
        crossed.Headers.AcceptLanguage.ParseAdd("ja");
        var revalidated = await english.SendAsync(crossed);

        Assert.Contains("<html lang=\"en\">", await en2.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ja\">", await ja2.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(en2.Headers.Age);
        Assert.NotNull(ja2.Headers.Age);
        Assert.NotEqual(en1.Headers.ETag, ja1.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.Contains("Accept-Language", en1.Headers.Vary);
    }

    [Fact]
    public async Task Get_WithCultureInTheAddress_SetsTheCookieAndIsNotCached()
    {
        using var site = new SiteFactory().WithRealSeed();
        using var client = Client(site);

        await client.GetAsync("/?culture=ja");
        var second = await client.GetAsync("/?culture=ja");

        Assert.True(second.Headers.Contains("Set-Cookie"));
        Assert.Null(second.Headers.Age);
    }

    [Fact]
    public async Task Import_ThatAddsAListing_ShowsItOnTheNextPage()
    {
        using var site = new SiteFactory().WithSeed("001.txt", TestSeeds.Dump("Cached Listing", 3));
        using var client = Client(site);
        Assert.DoesNotContain("Second Listing", await client.GetStringAsync("/"), StringComparison.Ordinal);

        site.WithSeed("002.txt", TestSeeds.Dump("Second Listing", 2, first: 900));
        site.Services.GetRequiredService<SeedImporter>().Import(CancellationToken.None);

        Assert.Contains("Related papers: Second Listing", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("Paper 900 studies", await client.GetStringAsync("/related/second-listing"), StringComparison.Ordinal);
    }
}
