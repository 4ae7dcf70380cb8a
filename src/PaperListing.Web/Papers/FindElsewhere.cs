namespace PaperListing.Web.Papers;

/// <summary>A search for a paper on another site: its name and the address of the search.</summary>
public sealed record ElsewhereSearch(string Site, string Href);

/// <summary>
/// Where a visitor may find the full paper: searches on arXiv, Semantic Scholar and Google Scholar for its first
/// sentence (or its title) and its first author. Plain links: nothing is asked of those sites until one is followed.
/// </summary>
public static class FindElsewhere
{
    private const int MaxQueryLength = 300;

    public static IReadOnlyList<ElsewhereSearch> For(PaperCard paper)
    {
        var words = paper.Title ?? FirstSentence.Of(paper.Abstract).First.TrimEnd('.', '?', '!');
        if (words.Length > MaxQueryLength)
        {
            words = words[..words.LastIndexOf(' ', MaxQueryLength)];
        }
        var author = paper.Authors.Count > 0 ? paper.Authors[0].Name : null;
        var query = author is null ? words : $"{words} {author}";
        var quoted = author is null ? $"\"{words}\"" : $"\"{words}\" {author}";
        return
        [
            new("arXiv", $"https://arxiv.org/search/?query={Uri.EscapeDataString(query)}&searchtype=all"),
            new("Semantic Scholar", $"https://www.semanticscholar.org/search?q={Uri.EscapeDataString(query)}"),
            new("Google Scholar", $"https://scholar.google.com/scholar?q={Uri.EscapeDataString(quoted)}"),
        ];
    }
}
