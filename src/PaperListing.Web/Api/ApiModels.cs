using PaperListing.Web.Papers;

namespace PaperListing.Web.Api;

/// <summary>What the JSON API answers. Links are absolute URLs; positions and pages count from 1.</summary>
public sealed record ApiListings(IReadOnlyList<ApiListing> Listings, ApiSelf Links);

public sealed record ApiSelf(string Self);

public sealed record ApiListing(string Slug, string Title, int Total, int? DeclaredTotal, int PageCount, ApiListingLinks Links);

public sealed record ApiListingLinks(string Html, string Papers, string Feed);

public sealed record ApiPaperPage(
    string Listing, string Title, int Page, int PageSize, int PageCount, int Total, IReadOnlyList<ApiPaper> Papers, ApiPageLinks Links);

public sealed record ApiPageLinks(string Self, string First, string? Prev, string? Next, string Last, string Html, string BibTex);

/// <summary>
/// A paper. <c>title</c> is the title reference managers get: the source's, or, when it gives none, one supplied from
/// the abstract's first sentence in square brackets, and <c>titleSupplied</c> is then true; <c>label</c> is how pages
/// name the paper (the title, or the start of the abstract).
/// </summary>
public sealed record ApiPaper(
    string Id, string Title, bool TitleSupplied, string Label, string Abstract, DateOnly? Published,
    IReadOnlyList<ApiAuthor> Authors, IReadOnlyList<ApiSubject> Subjects, ApiPaperLinks Links)
{
    /// <summary>Only on /api/papers/{id}: where the paper stands in each listing.</summary>
    public IReadOnlyList<ApiPlace>? Listings { get; init; }
}

public sealed record ApiAuthor(string Name, string Slug, string Html);

public sealed record ApiSubject(string Name, string Slug, string Html, string Field, string FieldSlug, string FieldHtml);

public sealed record ApiPaperLinks(string Self, string Html, string BibTex, string Ris);

/// <summary>The papers most alike one paper, best first (at most 10).</summary>
public sealed record ApiSimilarPapers(string Id, IReadOnlyList<ApiPaper> Papers, ApiSimilarLinks Links);

public sealed record ApiSimilarLinks(string Self, string Paper, string Html);

/// <summary>Suggestions for what was typed (<c>q</c>), at most 8: <c>kind</c> is author, subject or word; <c>html</c> is the page it leads to.</summary>
public sealed record ApiSuggestions(string Q, IReadOnlyList<ApiSuggestion> Suggestions);

public sealed record ApiSuggestion(string Kind, string Text, string Html);

public sealed record ApiPlace(string Listing, string Title, int Position, int Page, string Html);

/// <summary>Turns what the pages load into what the API answers.</summary>
public static class ApiMapping
{
    public static ApiPaper Paper(HttpRequest request, PaperCard paper) => new(
        paper.PublicId,
        CitationTitle.Of(paper).Text,
        CitationTitle.Of(paper).IsSupplied,
        paper.Label.Text,
        paper.Abstract,
        paper.Published,
        paper.Authors.Select(a => new ApiAuthor(a.Name, a.Slug, Absolute(request, SiteLinks.Author(request, a.Slug)))).ToList(),
        paper.Subjects.Select(s => new ApiSubject(s.Name, s.Slug, Absolute(request, SiteLinks.Subject(request, s.Slug)),
            s.FieldName, s.FieldSlug, Absolute(request, SiteLinks.Subject(request, s.FieldSlug)))).ToList(),
        new ApiPaperLinks(
            Absolute(request, SiteLinks.ApiPaper(request, paper.PublicId)),
            Absolute(request, SiteLinks.Paper(request, paper.PublicId, paper.Slug)),
            Absolute(request, SiteLinks.PaperBibTex(request, paper.PublicId)),
            Absolute(request, SiteLinks.PaperRis(request, paper.PublicId))));

    public static string Absolute(HttpRequest request, string href) => SiteLinks.Absolute(request, href);
}
