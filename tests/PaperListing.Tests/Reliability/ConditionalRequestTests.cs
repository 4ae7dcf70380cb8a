using System.Net;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Reliability;

/// <summary>Caches and download managers send validators and ranges; good ones are honoured, bad ones ignored, never a failure.</summary>
public sealed class ConditionalRequestTests(HostileSite site) : IClassFixture<HostileSite>
{
    private static HttpRequestMessage Get(string url, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }

    [Fact]
    public async Task StaticFile_WithItsETag_Answers304WithoutABody()
    {
        using var client = site.CreateClient();
        using var first = await client.GetAsync("/css/site.css");
        var etag = first.Headers.ETag!.Tag;

        using var again = await client.SendAsync(Get("/css/site.css", "If-None-Match", etag));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("If-None-Match", "garbage-without-quotes")]
    [InlineData("If-None-Match", "\"")]
    [InlineData("If-Modified-Since", "yesterday-ish")]
    [InlineData("If-Range", "not a date or tag")]
    [InlineData("Range", "bytes=abc")]
    [InlineData("Range", "bytes=5-1")]
    public async Task BadValidatorsAndRanges_AreIgnored_OnPagesAndFiles(string header, string value)
    {
        using var client = site.CreateClient();

        foreach (var url in new[] { "/", "/css/site.css" })
        {
            using var response = await client.SendAsync(Get(url, header, value));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task StaticFile_GoodRange_Answers206_UnsatisfiableRange_Answers416()
    {
        using var client = site.CreateClient();

        using var part = await client.SendAsync(Get("/css/site.css", "Range", "bytes=0-9"));
        using var beyond = await client.SendAsync(Get("/css/site.css", "Range", "bytes=99999999-"));

        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(10, (await part.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
    }

    [Fact]
    public async Task StaticFile_NotModifiedSince_Answers304()
    {
        using var client = site.CreateClient();
        using var first = await client.GetAsync("/css/site.css");
        var request = new HttpRequestMessage(HttpMethod.Get, "/css/site.css");
        request.Headers.IfModifiedSince = first.Content.Headers.LastModified;

        using var again = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }
}
