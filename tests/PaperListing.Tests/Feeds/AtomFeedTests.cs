using System.Net;
using System.Xml.Linq;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Feeds;

namespace PaperListing.Tests.Feeds;

/// <summary>A listing's Atom feed as a feed reader reads it: valid Atom, newest dated papers first.</summary>
public sealed class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private const string FeedSeed = """
        English
        Related papers

        Related papers: Feed Test

        4 papers

        A first abstract about kernels & priors, long enough to be cut into an excerpt for the entry title…

        Machine Learning · Statistics 2021-03-01 Ada Lovelace , Alan Turing

        A second abstract about transformers…

        Machine Learning · Computer Science 2023-07-15 Grace Hopper

        An undated abstract without any metadata line…

        A third abstract about priors…

        Machine Learning · Statistics 2019-01-01 Stéphane Ayache

        ‹ Prev 1 Next ›
        """;

    [Fact]
    public async Task Get_Feed_IsAtomWithTheDatedPapersNewestFirst()
    {
        using var site = new SiteFactory().WithSeed("001.txt", FeedSeed);
        using var client = site.CreateClient();

        var response = await client.GetAsync("/related/feed-test/feed.atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("Related papers: Feed Test", feed.Element(Atom + "title")!.Value);
        Assert.Equal("http://localhost/related/feed-test", feed.Element(Atom + "id")!.Value);
        Assert.Equal("2023-07-15T00:00:00Z", feed.Element(Atom + "updated")!.Value);
        Assert.Equal("http://localhost/related/feed-test/feed.atom", Link(feed, "self"));
        Assert.Equal("http://localhost/related/feed-test", Link(feed, "alternate"));

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(
            ["“A second abstract about transformers…”", "“A first abstract about kernels & priors, long enough to be cut into an excerpt for the…”", "“A third abstract about priors…”"],
            entries.Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal(["2023-07-15T00:00:00Z", "2021-03-01T00:00:00Z", "2019-01-01T00:00:00Z"], entries.Select(e => e.Element(Atom + "published")!.Value));
        Assert.Equal(["2023-07-15T00:00:00Z", "2021-03-01T00:00:00Z", "2019-01-01T00:00:00Z"], entries.Select(e => e.Element(Atom + "updated")!.Value));
        Assert.Equal(["Ada Lovelace", "Alan Turing"], entries[1].Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
        Assert.Equal("http://localhost/authors/stephane-ayache", entries[2].Element(Atom + "author")!.Element(Atom + "uri")!.Value);
        Assert.Equal("A second abstract about transformers…", entries[0].Element(Atom + "summary")!.Value);
        Assert.All(entries, e => Assert.Equal(e.Element(Atom + "id")!.Value, Link(e, "alternate")));
        Assert.All(entries, e => Assert.StartsWith("http://localhost/papers/", e.Element(Atom + "id")!.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_FeedOfALongListing_StopsAt50NewestFirst()
    {
        using var site = new SiteFactory().WithSeed("001.txt", TestSeeds.Dump("Sixty", 60));
        using var client = site.CreateClient();

        var feed = XDocument.Parse(await client.GetStringAsync("/related/sixty/feed.atom")).Root!;

        var dates = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "published")!.Value).ToList();
        Assert.Equal(50, dates.Count);
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Equal(dates[0], feed.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public async Task Get_FeedOfAnUnknownListing_Answers404()
    {
        using var site = new SiteFactory().WithSeed("001.txt", FeedSeed);
        using var client = site.CreateClient();

        var response = await client.GetAsync("/related/no-such-listing/feed.atom");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Write_TextWithCharactersXmlCannotCarry_StillParses()
    {
        var feed = new AtomFeed("urn:x", "A\u0001B", "http://x/self", "http://x/", DateTimeOffset.UnixEpoch, new AtomPerson("Site", null),
            [new AtomEntry("urn:e", "T\u0008", "http://x/e", DateTimeOffset.UnixEpoch, [], "S\uFFFE😀", [])]);

        var xml = XDocument.Parse(AtomFeedWriter.Write(feed));

        Assert.Equal("AB", xml.Root!.Element(Atom + "title")!.Value);
        Assert.Equal("S😀", xml.Root.Element(Atom + "entry")!.Element(Atom + "summary")!.Value);
    }

    private static string? Link(XElement parent, string rel) =>
        parent.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == rel)?.Attribute("href")?.Value;
}
