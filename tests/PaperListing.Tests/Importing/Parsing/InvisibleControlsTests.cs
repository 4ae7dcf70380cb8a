using System.Text;
using PaperListing.Web.Importing.Parsing;

namespace PaperListing.Tests.Importing.Parsing;

/// <summary>Seeds are untrusted: characters that change how text reads without being seen are removed and reported.</summary>
public sealed class InvisibleControlsTests
{
    private const string Header = "Related papers: Test Listing\n\n3 papers\n\n";

    [Theory]
    [InlineData("\u202E")]
    [InlineData("\u202A")]
    [InlineData("\u2066")]
    [InlineData("\u2069")]
    [InlineData("\u200E")]
    [InlineData("\u200F")]
    [InlineData("\u061C")]
    [InlineData("\0")]
    [InlineData("\u0007")]
    [InlineData("\u009B")]
    [InlineData("\uFEFF")]
    public void Parse_InvisibleControl_IsRemovedFromTheTextAndReportedWithItsLine(string control)
    {
        var result = SeedFileParser.Parse(Encoding.UTF8.GetBytes(
            $"{Header}An abstract that {control}reads backwards{control} here…\n\nMachine Learning · Computer Science 2020-10-20 Eve{control} Smith"));

        var entry = Assert.Single(result.Entries);
        Assert.Equal("An abstract that reads backwards here…", entry.Abstract);
        Assert.Equal(["Eve Smith"], entry.Authors);
        Assert.Equal([5, 7], result.Diagnostics.Where(d => d.Reason.Contains("invisible control", StringComparison.Ordinal)).Select(d => d.Line));
    }

    [Fact]
    public void Parse_ZeroWidthJoinerAndTab_AreKept()
    {
        var result = SeedFileParser.Parse(Encoding.UTF8.GetBytes($"{Header}क्\u200Dष and\ttabs…\n\nMachine Learning · Computer Science 2020-10-20 Eve"));

        Assert.Equal("क्\u200Dष and\ttabs…", Assert.Single(result.Entries).Abstract);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Parse_BidiControlInTheTitle_IsRemoved()
    {
        var result = SeedFileParser.Parse(Encoding.UTF8.GetBytes("Related papers: Safe \u202Eeltit\u202C Title\n\n1 papers\n\n"));

        Assert.Equal("Safe eltit Title", result.Header!.Title);
    }
}
