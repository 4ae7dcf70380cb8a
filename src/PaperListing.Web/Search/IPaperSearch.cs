using System.Data.Common;
using PaperListing.Web.Data;

namespace PaperListing.Web.Search;

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
    /// Brings the index in step with the papers, inside the import's transaction: papers added since the last call
    /// are indexed (with their authors' names and their subjects' and fields' names); papers deleted leave it with them.
    /// </summary>
    void UpdateIndex(DbConnection connection, DbTransaction transaction);

    /// <summary>The papers holding every phrase (a paper's abstract, authors' names and subjects' names are one document), ranked.</summary>
    IQueryable<TextMatch> Matches(PapersDbContext db, SearchPhrases phrases);
}
