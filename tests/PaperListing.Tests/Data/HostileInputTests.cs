using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Data;

/// <summary>
/// Text that one engine takes and another refuses (broken UTF-8, lone surrogates, over-long forms) reaches a query
/// from an address or a search: it is answered, never with a 500, on either engine. (A NUL in a path is refused by the
/// server before any page sees it; in a search it is text like any other.)
/// </summary>
public sealed class HostileInputTests(TwoListingSite site) : IClassFixture<TwoListingSite>
{
    [Theory]
    [InlineData("/related/%F0%9F%98%80%ED%A0%80")]
    [InlineData("/related/%FF%FE")]
    [InlineData("/papers/%ED%A0%80abcdefg")]
    [InlineData("/api/papers/%ED%A0%80")]
    [InlineData("/subjects/%E2%80%AE%C0%AF")]
    [InlineData("/subjects/%20")]
    [InlineData("/authors/%20")]
    [InlineData("/papers/%20")]
    [InlineData("/papers/%20/%252f")]
    [InlineData("/search?q=deep%00learning")]
    [InlineData("/search?q=%00")]
    [InlineData("/search?q=learning&author=%00&subject=x%00")]
    [InlineData("/related/second-listing?q=paper%00studies")]
    [InlineData("/search?q=%ED%A0%80%F0%9F%98%80")]
    [InlineData("/authors/%C0%80")]
    public async Task Get_AddressWithCharactersADatabaseRefuses_IsNeverA500(string url)
    {
        using var client = site.CreateNoRedirectClient();

        var response = await client.GetAsync(url);

        Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
    }
}
