namespace PaperListing.Web.Papers;

/// <summary>
/// The readable part of a paper's address: from its title when known, else from the start of its abstract, cut at a
/// word. It only decorates the address (the id alone finds the paper), so a changed rule only costs a redirect.
/// </summary>
public static class PaperSlug
{
    private const int MaxLength = 60;

    /// <summary>How much of a long text is read for its slug, first.</summary>
    private const int Prefix = 400;

    /// <summary>Where <see cref="Slug.From"/> stops: a slug of this length or more is complete.</summary>
    private const int FullSlug = 80;

    public static string For(string? title, string @abstract)
    {
        var text = string.IsNullOrWhiteSpace(title) ? @abstract : title;
        var slug = text.Length > Prefix ? FromLongText(text) : Slug.From(text);
        if (slug.Length <= MaxLength)
        {
            return slug;
        }
        var cut = slug.LastIndexOf('-', MaxLength);
        return cut > 0 ? slug[..cut] : slug[..MaxLength];
    }

    /// <summary>
    /// The slug of a long text (an abstract) from its start alone when that start already fills a whole slug (the
    /// slug stops there, so the rest cannot change it); otherwise from the whole text.
    /// </summary>
    private static string FromLongText(string text)
    {
        // Never cut between the halves of a surrogate pair (normalising a lone half throws).
        var start = text[..(char.IsHighSurrogate(text[Prefix - 1]) ? Prefix - 1 : Prefix)];
        var slug = Slug.From(start);
        return slug.Length >= FullSlug ? slug : Slug.From(text);
    }
}
