using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Reliability;

/// <summary>The pages can only be read: any other method is answered 405 with an Allow header and a friendly page.</summary>
public sealed class MethodTests(HostileSite site) : IClassFixture<HostileSite>
{
    public static TheoryData<string> RefusedMethods => ["POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "MKCOL"];

    [Theory]
    [MemberData(nameof(RefusedMethods))]
    public async Task EveryReadOnlyRoute_RefusesOtherMethodsWith405AndAllow(string method)
    {
        var addresses = await site.AddressesAsync();
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var readOnly = addresses.Where(a => a.Key.Methods is { } methods && !methods.Contains(method, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(readOnly);

        foreach (var (route, url) in readOnly)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new FormUrlEncodedContent([new("q", "x")]) };
            using var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {url} ({route}) answered {(int)response.StatusCode}");
            Assert.Contains("GET", response.Content.Headers.Allow);
            Assert.Contains("HEAD", response.Content.Headers.Allow);
            Assert.DoesNotContain(method, response.Content.Headers.Allow);
            if (url.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
            else
            {
                Assert.Contains("<h1>Method not allowed</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task EveryPage_DeclaresItsMethods_SoNoneIsOpenToAnyMethod()
    {
        await site.ImportedAsync();

        var open = SiteRoutes.Discover(site.Services)
            .Where(r => r.Methods is null && r.Pattern is not ("/healthz" or "/livez") && !r.Pattern.StartsWith("/error", StringComparison.Ordinal));

        Assert.Empty(open);
    }

    [Fact]
    public async Task Post_WithAFormAndNoAntiforgeryToken_Answers405Not400()
    {
        using var client = site.CreateClient();

        using var response = await client.PostAsync("/related/implicit-regularization-in-deep-learning",
            new FormUrlEncodedContent([new("__RequestVerificationToken", "forged")]));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task ErrorPage_AnswersOddMethodsToo_WithoutAServerError()
    {
        using var client = site.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod("PROPFIND"), "/error/404"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/error/500")]
    [InlineData("/error/503")]
    [InlineData("/error/597")]
    [InlineData("/error/-1")]
    [InlineData("/error")]
    public async Task ErrorPage_AskedForDirectly_IsNotFound(string url)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
