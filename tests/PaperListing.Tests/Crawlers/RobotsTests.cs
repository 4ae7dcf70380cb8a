using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Crawlers;

/// <summary>robots.txt as a crawler reads it: Python's urllib.robotparser, the reader many crawlers are built on.</summary>
public sealed class RobotsTests(TwoListingSite site) : IClassFixture<TwoListingSite>
{
    private const string Read = """
        import sys, urllib.robotparser
        robots = urllib.robotparser.RobotFileParser()
        robots.parse(sys.stdin.read().splitlines())
        for path in ["/", "/papers/qebznk55xr/x", "/api/listings", "/error/404"]:
            print(path, robots.can_fetch("SomeBot", "http://localhost" + path))
        print("delay", robots.crawl_delay("SomeBot"))
        print("sitemaps", " ".join(robots.site_maps() or []))
        """;

    [Fact]
    public async Task Robots_ReadByRobotParser_AllowsPagesRefusesApiAsksForAPageASecondAndNamesTheSitemap()
    {
        var python = PythonReader.With("urllib.robotparser");
        OutsideComponent.Require(python is not null, "python3 not found: apt-get install -y python3");
        using var client = site.CreateClient();
        var robots = await client.GetStringAsync("/robots.txt");

        var read = PythonReader.Read(python!, Read, robots).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["/ True", "/papers/qebznk55xr/x True", "/api/listings False", "/error/404 False", "delay 1", "sitemaps http://localhost/sitemap.xml"], read);
    }
}
