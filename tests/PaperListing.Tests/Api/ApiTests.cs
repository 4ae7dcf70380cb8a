using System.Net;
using System.Text.Json;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Api;

/// <summary>The JSON API as a script uses it: listings, pages of papers, a paper; every refusal as problem details.</summary>
public sealed class ApiTests(TwoListingSite site) : IClassFixture<TwoListingSite>
{
    private async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(string url, HttpMethod? method = null)
    {
        using var client = site.CreateNoRedirectClient();
        var response = await client.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Get, url));
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task Get_Listings_NamesEachListingWithItsLinks()
    {
        var (response, json) = await GetJsonAsync("/api/listings");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var listings = json.GetProperty("listings").EnumerateArray().ToList();
        Assert.Equal([TwoListingSite.RealSlug, TwoListingSite.SecondSlug], listings.Select(l => l.GetProperty("slug").GetString()));
        Assert.Equal(200, listings[0].GetProperty("declaredTotal").GetInt32());
        Assert.Equal(20, listings[0].GetProperty("total").GetInt32());
        Assert.Equal(3, listings[1].GetProperty("pageCount").GetInt32());
        Assert.Equal($"http://localhost/api/listings/{TwoListingSite.SecondSlug}/papers", listings[1].GetProperty("links").GetProperty("papers").GetString());
    }

    [Fact]
    public async Task Get_ListingPageTwo_PagesLikeTheListingPage()
    {
        var (_, json) = await GetJsonAsync($"/api/listings/{TwoListingSite.SecondSlug}/papers?page=2");
        var page = await site.GetHtmlAsync($"/related/{TwoListingSite.SecondSlug}?page=2");

        Assert.Equal(2, json.GetProperty("page").GetInt32());
        Assert.Equal(3, json.GetProperty("pageCount").GetInt32());
        Assert.Equal(45, json.GetProperty("total").GetInt32());
        Assert.Equal(page.QuerySelectorAll("article.paper").Select(a => a.Id),
            json.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var links = json.GetProperty("links");
        Assert.Equal($"http://localhost/api/listings/{TwoListingSite.SecondSlug}/papers", links.GetProperty("prev").GetString());
        Assert.Equal($"http://localhost/api/listings/{TwoListingSite.SecondSlug}/papers?page=3", links.GetProperty("next").GetString());
        Assert.Equal($"http://localhost/related/{TwoListingSite.SecondSlug}?page=2", links.GetProperty("html").GetString());
    }

    [Fact]
    public async Task Get_FirstPaper_HasASuppliedTitleMarkedAsSuchAndItsPlaces()
    {
        var (_, json) = await GetJsonAsync($"/api/papers/{TwoListingSite.FirstPaperId}");

        Assert.Equal("[We argue that the optimization plays a crucial role in generalization of deep learning models through implicit regularization.]",
            json.GetProperty("title").GetString());
        Assert.True(json.GetProperty("titleSupplied").GetBoolean());
        Assert.Equal("We argue that the optimization plays a crucial role in generalization of deep learning…", json.GetProperty("label").GetString());
        Assert.Equal("2017-05-10", json.GetProperty("published").GetString());
        Assert.Equal(["Behnam Neyshabur", "Ryota Tomioka", "Ruslan Salakhutdinov", "Nathan Srebro"],
            json.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var subject = json.GetProperty("subjects")[0];
        Assert.Equal("machine-learning-in-computer-science", subject.GetProperty("slug").GetString());
        Assert.Equal("computer-science", subject.GetProperty("fieldSlug").GetString());
        Assert.Equal("http://localhost" + TwoListingSite.FirstPaperPath, json.GetProperty("links").GetProperty("html").GetString());
        var place = json.GetProperty("listings")[0];
        Assert.Equal(1, place.GetProperty("position").GetInt32());
        Assert.Equal($"http://localhost/related/{TwoListingSite.RealSlug}#{TwoListingSite.FirstPaperId}", place.GetProperty("html").GetString());
    }

    [Theory]
    [InlineData("/api/papers/0000000000")]
    [InlineData("/api/listings/no-such-listing/papers")]
    [InlineData("/api/listings/second-listing/papers?page=4")]
    [InlineData("/api/no/such/thing")]
    public async Task Get_Missing_Answers404ProblemDetails(string url)
    {
        var (response, json) = await GetJsonAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("/api/listings/second-listing/papers?page=abc")]
    [InlineData("/api/listings/second-listing/papers?page=0")]
    [InlineData("/api/listings/second-listing/papers?page=1&page=2")]
    public async Task Get_BadPage_Answers400ProblemDetails(string url)
    {
        var (response, json) = await GetJsonAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.Contains("page", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ReadOnlyApi_Answers405ProblemDetails()
    {
        var (response, json) = await GetJsonAsync("/api/listings", HttpMethod.Post);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(405, json.GetProperty("status").GetInt32());
    }
}
