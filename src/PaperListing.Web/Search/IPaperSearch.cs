using System.Data.Common;
using PaperListing.Web.Data;

namespace PaperListing.Web.Search;

/// <summary>
/// What search finds a paper by: its abstract, its authors' names (in order, space-separated) and its subjects' and
/// fields' names ("Machine Learning Computer Science …"). Its <see cref="Terms"/> may come made already (the import
/// makes them while parsing); otherwise they are made from the text when first asked for.
/// </summary>
public sealed record SearchDocument(int PaperId, string Abstract, string Authors, string Subjects)
{
    private DocumentTerms? _terms;

    public SearchDocument(int paperId, string abstractText, string authors, string subjects, DocumentTerms? terms)
        : this(paperId, abstractText, authors, subjects)
    {
        _terms = terms;
    }

    /// <summary>A copy (<c>with</c>) makes its own terms, as its text may differ.</summary>
    private SearchDocument(SearchDocument original)
    {
        PaperId = original.PaperId;
        Abstract = original.Abstract;
        Authors = original.Authors;
        Subjects = original.Subjects;
    }

    /// <summary>The words and stems of the document's text, made once.</summary>
    public DocumentTerms Terms => _terms ??= DocumentTerms.Of(Abstract, Authors, Subjects);

    /// <summary>Documents are equal by their id and text; terms made or not are the same terms.</summary>
    public bool Equals(SearchDocument? other) => other is not null && PaperId == other.PaperId
        && string.Equals(Abstract, other.Abstract, StringComparison.Ordinal) && string.Equals(Authors, other.Authors, StringComparison.Ordinal)
        && string.Equals(Subjects, other.Subjects, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(PaperId, Abstract, Authors, Subjects);
}

/// <summary>A paper that holds every phrase of a search, and how well: a lower rank is a better match.</summary>
public sealed record TextMatch(int PaperId, double Rank);

/// <summary>
/// The database engine's own full-text search, the one engine-specific part of search: the index (created with the
/// schema, kept in step by the import) and the papers matching a search. Filters, orders, paging and facets are
/// plain queries composed on <see cref="Matches"/>, so another engine only needs another implementation of this.
/// </summary>
public interface IPaperSearch
{
    /// <summary>The statements that create the index beside the tables; part of the schema's fingerprint.</summary>
    string IndexSchemaSql { get; }

    /// <summary>
    /// Indexes papers the import has just added, inside its transaction, from the text it already holds (no query
    /// back into the tables); a deleted paper's document leaves the index with it.
    /// </summary>
    void AddDocuments(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchDocument> documents);

    /// <summary>
    /// Takes papers the import is about to delete out of the word counts (<see cref="SearchTermCounts"/>), inside its
    /// transaction; their documents leave the index with the papers themselves.
    /// </summary>
    void RemoveDocuments(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchDocument> documents);

    /// <summary>The papers holding every phrase (a paper's abstract, authors' names and subjects' names are one document), ranked.</summary>
    IQueryable<TextMatch> Matches(PapersDbContext db, SearchPhrases phrases);

    /// <summary>The papers holding any of these stems, ranked as a search ranks (weights and rarity of the stems), for similar papers.</summary>
    IQueryable<TextMatch> MatchesAny(PapersDbContext db, IReadOnlyList<string> stems);
}
