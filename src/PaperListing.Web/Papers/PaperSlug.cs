using PaperListing.Web.Importing;

namespace PaperListing.Web.Papers;

/// <summary>
/// The readable part of a paper's address: from its title when known, else from the start of its abstract, cut at a
/// word. It only decorates the address (the id alone finds the paper), so a changed rule only costs a redirect.
/// </summary>
public static class PaperSlug
{
    private const int MaxLength = 60;

    public static string For(string? title, string @abstract)
    {
        var slug = Slug.From(string.IsNullOrWhiteSpace(title) ? @abstract : title);
        if (slug.Length <= MaxLength)
        {
            return slug;
        }
        var cut = slug.LastIndexOf('-', MaxLength);
        return cut > 0 ? slug[..cut] : slug[..MaxLength];
    }
}
