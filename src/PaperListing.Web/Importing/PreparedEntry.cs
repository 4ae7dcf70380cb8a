using PaperListing.Web.Importing.Parsing;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Importing;

/// <summary>A parsed entry with its content hash worked out, off the writing thread.</summary>
internal sealed record PreparedEntry(SeedEntry Entry, string ContentHash)
{
    public static PreparedEntry From(SeedEntry entry) =>
        new(entry, StablePaperId.ContentHash(entry.Abstract, entry.Published, entry.Authors.Count > 0 ? entry.Authors[0] : null));
}
