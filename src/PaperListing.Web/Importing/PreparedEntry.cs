using PaperListing.Web.Importing.Parsing;
using PaperListing.Web.Papers;
using PaperListing.Web.Search;

namespace PaperListing.Web.Importing;

/// <summary>
/// A parsed entry with what the writer needs of it worked out off the writing thread: its content hash, and its text
/// as the search index takes it (the authors' and subjects' names joined, the words and their stems).
/// </summary>
internal sealed record PreparedEntry(SeedEntry Entry, string ContentHash, string Authors, string Subjects, DocumentTerms Terms)
{
    public static PreparedEntry From(SeedEntry entry)
    {
        var authors = string.Join(' ', entry.Authors);
        var subjects = string.Join(' ', entry.Subjects.Select(s => $"{s.Category} {s.Field}"));
        return new(entry, StablePaperId.ContentHash(entry.Abstract, entry.Published, entry.Authors.Count > 0 ? entry.Authors[0] : null),
            authors, subjects, DocumentTerms.Of(entry.Abstract, authors, subjects));
    }
}
