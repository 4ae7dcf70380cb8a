using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Caching;

/// <summary>
/// A crawler's sweep through every paper page cannot push visitors' pages out of the page cache: past a client's
/// allowance of new pages a minute, its pages are served but not stored, while everyone's cached pages stay cached.
/// </summary>
public sealed class SweepAdmissionTests
{
    private const string Visitor = "198.51.100.20";
    private const string Crawler = "203.0.113.9";

    private static async Task<SiteFactory> SiteAsync()
    {
        var site = new SiteFactory().WithSeed("001.txt", TestSeeds.Dump("Swept Listing", 30))
            .WithSetting("Caching:SweepPagesPerMinute", "3")
            .WithServices(s => s.AddSingleton<IStartupFilter, ClientFromHeader>());
        await site.ImportedAsync();
        return site;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(ClientFromHeader.Header, from);
        return await client.SendAsync(request);
    }

    private static async Task<List<string>> PaperAddressesAsync(HttpClient client)
    {
        var sitemap = await (await GetAsync(client, "/sitemap.xml", "192.0.2.1")).Content.ReadAsStringAsync();
        return System.Xml.Linq.XDocument.Parse(sitemap).Descendants().Where(e => e.Name.LocalName == "loc")
            .Select(e => new Uri(e.Value).PathAndQuery).Where(path => path.StartsWith("/papers/", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task Sweep_PastItsAllowance_IsServedButNotCached_WhileTheVisitorsPageStaysCached()
    {
        using var site = await SiteAsync();
        using var client = site.CreateClient(new() { AllowAutoRedirect = false });
        var papers = await PaperAddressesAsync(client);
        Assert.True(papers.Count >= 10, $"{papers.Count} paper pages in the sitemap");
        await GetAsync(client, "/", Visitor);

        foreach (var paper in papers)
        {
            using var swept = await GetAsync(client, paper, Crawler);
            Assert.Equal(HttpStatusCode.OK, swept.StatusCode);
        }
        using var withinAllowance = await GetAsync(client, papers[0], Visitor);
        using var pastAllowance = await GetAsync(client, papers[^1], Visitor);
        using var visitorsPage = await GetAsync(client, "/", Visitor);

        Assert.NotNull(withinAllowance.Headers.Age);
        Assert.Null(pastAllowance.Headers.Age);
        Assert.NotNull(visitorsPage.Headers.Age);
        Assert.Equal(HttpStatusCode.OK, pastAllowance.StatusCode);
    }

    [Fact]
    public async Task Visitor_ReadingAFewPages_HasEachCachedForTheNext()
    {
        using var site = await SiteAsync();
        using var client = site.CreateClient(new() { AllowAutoRedirect = false });
        var papers = (await PaperAddressesAsync(client)).Take(3).ToList();

        foreach (var paper in papers)
        {
            await GetAsync(client, paper, Visitor);
        }

        foreach (var paper in papers)
        {
            using var again = await GetAsync(client, paper, "198.51.100.77");
            Assert.NotNull(again.Headers.Age);
        }
    }
}
