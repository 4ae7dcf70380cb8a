using PaperListing.Web.Paging;

namespace PaperListing.Tests.Architecture;

/// <summary>
/// The rules docs/architecture.md states for the layout, checked on the compiled site (<see cref="TypeUses"/> reads
/// every type's signatures and method bodies): which parts of the site each part may use, so the arrows point one way.
/// </summary>
public sealed class LayoutRuleTests
{
    private const string Site = "PaperListing.Web.";

    /// <summary>The site's root namespace: helpers shared by pages and endpoints (Shared/) and the UI words.</summary>
    private const string Shared = "(shared)";

    /// <summary>Each part of the site (a namespace with those below it) and the only other parts it may use.</summary>
    public static TheoryData<string, string[]> Rules() => new()
    {
        // The page arithmetic and the seed parser: read and tested alone.
        { "Paging", [] },
        { "Importing.Parsing", [] },
        // The model, the schema and the engines' seam: below everything that reads or writes through them.
        { "Data", ["Configuration", "Resilience"] },
        // The import writes through the data layer and the search index; of the request path it knows only its own
        // gate's refusal (the shared error page and words, the health addresses it lets through), never a page or endpoint.
        { "Importing", ["Data", "Configuration", "Caching", "Metrics", "Papers", "Search", "Resilience", "Hosting", Shared] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Part_UsesOnlyWhatItMay(string part, string[] may)
    {
        var allowed = may.Append(part).Select(p => p == Shared ? Site.TrimEnd('.') : Site + p).ToList();
        var types = typeof(PageRange).Assembly.GetTypes().Where(t => InPart(t.Namespace, Site + part)).ToList();

        var broken = types
            .SelectMany(t => TypeUses.Of(t).Where(used => used.StartsWith(Site, StringComparison.Ordinal) && !allowed.Contains(NamespaceOf(used)) && !allowed.Any(a => InPart(NamespaceOf(used), a)))
                .Select(used => $"{t.FullName} uses {used}"))
            .Distinct()
            .ToList();

        Assert.NotEmpty(types);
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void OutsidePages_NothingUsesAPageOrMvcResults()
    {
        var types = typeof(PageRange).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(Site, StringComparison.Ordinal) == true && !InPart(t.Namespace, Site + "Pages"))
            .ToList();

        var broken = types
            .SelectMany(t => TypeUses.Of(t).Where(used => used.StartsWith(Site + "Pages.", StringComparison.Ordinal)
                    || used.StartsWith("Microsoft.AspNetCore.Mvc.RazorPages.", StringComparison.Ordinal)
                    || used is "Microsoft.AspNetCore.Mvc.IActionResult" or "Microsoft.AspNetCore.Mvc.ActionResult")
                .Select(used => $"{t.FullName} uses {used}"))
            .Distinct()
            .ToList();

        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    /// <summary>Whether a namespace is the part or below it (the root namespace holds only itself).</summary>
    private static bool InPart(string? name, string part) =>
        name is not null && (name == part || (part != Site.TrimEnd('.') && name.StartsWith(part + ".", StringComparison.Ordinal)));

    /// <summary>The namespace of a used type's full name (a nested type's "+" and generic arguments aside).</summary>
    private static string NamespaceOf(string fullName)
    {
        var plain = fullName.Split('[', '`')[0].Split('+')[0];
        return plain[..Math.Max(0, plain.LastIndexOf('.'))];
    }
}
