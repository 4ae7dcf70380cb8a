using PaperListing.Web.Papers;

namespace PaperListing.Web.Pages.Shared;

/// <summary>
/// Whether the page being made shows a TeX formula. It is noted while the page's body is made, which is before its
/// layout writes the head, so the head loads KaTeX (its script, stylesheet and commonest fonts) on those pages only,
/// as resources that hold the first paint: formulas are typeset before they are first shown and never shift the page.
/// </summary>
public static class PageMath
{
    private static readonly object Key = new();

    /// <summary>Notes the texts' formulas, if any; true when the page holds one (so far).</summary>
    public static bool Note(HttpContext context, IEnumerable<string?> texts)
    {
        if (!Shows(context) && texts.Any(text => text is not null && TexText.HasMath(text)))
        {
            context.Items[Key] = true;
        }
        return Shows(context);
    }

    public static bool Note(HttpContext context, params string?[] texts) => Note(context, (IEnumerable<string?>)texts);

    public static bool Shows(HttpContext context) => context.Items.ContainsKey(Key);
}
