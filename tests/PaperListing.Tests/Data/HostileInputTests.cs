using System.Net;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Data;

/// <summary>
/// Text that one engine takes and another refuses (broken UTF-8, lone surrogates, over-long forms) reaches a query
/// from an address: it is answered as not found or bad, never 500, on either engine. (A NUL in a path is refused by
/// the server before any page sees it.)
/// </summary>
public sealed class HostileInputTests(TwoListingSite site) : IClassFixture<TwoListingSite>
{
    [Theory]
    [InlineData("/related/%F0%9F%98%80%ED%A0%80")]
    [InlineData("/related/%FF%FE")]
    [InlineData("/papers/%ED%A0%80abcdefg")]
    [InlineData("/api/papers/%ED%A0%80")]
    [InlineData("/subjects/%E2%80%AE%C0%AF")]
    [InlineData("/authors/%C0%80")]
    public async Task Get_AddressWithCharactersADatabaseRefuses_IsNeverA500(string url)
    {
        using var client = site.CreateNoRedirectClient();

        var response = await client.GetAsync(url);

        Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
