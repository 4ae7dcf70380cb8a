using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Paging;

namespace PaperListing.Web.Papers;

public sealed record AuthorSummary(int Id, string Name, string Slug);

/// <summary>A page of an author's papers: the author and the cards of the page.</summary>
public sealed record AuthorPage(AuthorSummary Author, IReadOnlyList<PaperCard> Papers);

/// <summary>Reads an author's papers, by the author's slug, 20 a page, newest first (<see cref="PaperLists"/>).</summary>
public static class AuthorReader
{
    // Compiled once, as every read of a page of papers is.
    private static readonly Func<PapersDbContext, string, CancellationToken, Task<AuthorSummary?>> BySlug = EF.CompileAsyncQuery(
        (PapersDbContext db, string slug, CancellationToken _) => db.Authors.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new AuthorSummary(a.Id, a.Name, a.Slug))
            .FirstOrDefault());

    public static async Task<ListPage<AuthorPage>> ReadAsync(PapersDbContext db, string slug, int page, CancellationToken cancellationToken)
    {
        var author = await BySlug(db, slug, cancellationToken);
        return author is null
            ? new ListPage<AuthorPage>.NotFound()
            : await PaperLists.PageAsync(db, PaperListKind.Author, author.Id, page, cards => new AuthorPage(author, cards), cancellationToken);
    }
}
