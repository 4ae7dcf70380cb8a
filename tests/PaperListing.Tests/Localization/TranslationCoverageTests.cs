using System.Text.RegularExpressions;
using System.Xml.Linq;
using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Localization;

/// <summary>Every interface word the pages ask for by a literal key has a Japanese translation.</summary>
public sealed partial class TranslationCoverageTests
{
    [GeneratedRegex("""\b(?:T|localizer)\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LiteralKey();

    [Fact]
    public void EveryLiteralKey_IsInTheJapaneseResources()
    {
        var web = Path.Combine(OutsideComponent.RepositoryRoot, "src", "PaperListing.Web");
        var translated = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.ja.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var keys = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .Distinct()
            .ToList();

        Assert.True(keys.Count > 100, $"only {keys.Count} keys found: the scan is broken");
        var missing = keys.Where(k => !translated.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "without a Japanese translation:\n" + string.Join("\n", missing));
    }
}
