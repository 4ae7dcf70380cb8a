using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;

namespace PaperListing.Web.Search.Index;

/// <summary>One paper as the search index holds it: the text it is found by and what it is filtered, ordered and counted by.</summary>
public sealed record IndexedPaper(int Id, string PublicId, string Abstract, DateOnly? Published)
{
    public List<(int Id, string Name, string Slug)> Authors { get; } = [];

    public List<(int Id, int FieldId, string Text)> Subjects { get; } = [];

    public List<int> Listings { get; } = [];

    /// <summary>The same document the database's full-text index holds for this paper.</summary>
    public SearchDocument Document => new(Id, Abstract, string.Join(' ', Authors.Select(a => a.Name)),
        string.Join(' ', Subjects.Select(s => s.Text)));

    /// <summary>
    /// Every paper of the database in id order, with its authors, subjects and listings, streamed from four ordered
    /// reads walked side by side (one connection each), so memory holds one paper at a time whatever their number.
    /// </summary>
    public static IEnumerable<IndexedPaper> ReadAll(IDbContextFactory<PapersDbContext> dbFactory)
    {
        using var papersDb = dbFactory.CreateDbContext();
        using var authorsDb = dbFactory.CreateDbContext();
        using var subjectsDb = dbFactory.CreateDbContext();
        using var listingsDb = dbFactory.CreateDbContext();
        foreach (var db in new[] { papersDb, authorsDb, subjectsDb, listingsDb })
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        }
        using var authors = new Ahead<(int PaperId, int Id, string Name, string Slug)>(authorsDb.PaperAuthors.AsNoTracking()
            .OrderBy(a => a.PaperId).ThenBy(a => a.Position)
            .Select(a => new { a.PaperId, a.AuthorId, a.Author.Name, a.Author.Slug }).AsEnumerable().Select(a => (a.PaperId, a.AuthorId, a.Name, a.Slug)));
        // The subjects' names come from memory (a few dozen): read in key order, the papers' subject rows need no sort.
        // Joined to their names in the database, the engine sorted millions of rows in memory (over 100 MB at a million papers).
        var subjectNames = subjectsDb.Subjects.AsNoTracking()
            .Select(s => new { s.Id, s.FieldId, s.Name, FieldName = s.Field.Name }).AsEnumerable()
            .ToDictionary(s => s.Id, s => (s.FieldId, Text: $"{s.Name} {s.FieldName}"));
        using var subjects = new Ahead<(int PaperId, int Id)>(subjectsDb.PaperSubjects.AsNoTracking()
            .OrderBy(s => s.PaperId).ThenBy(s => s.Position)
            .Select(s => new { s.PaperId, s.SubjectId }).AsEnumerable().Select(s => (s.PaperId, s.SubjectId)));
        using var listings = new Ahead<(int PaperId, int ListingId)>(listingsDb.ListingEntries.AsNoTracking()
            .OrderBy(e => e.PaperId).ThenBy(e => e.ListingId)
            .Select(e => new { e.PaperId, e.ListingId }).AsEnumerable().Select(e => (e.PaperId, e.ListingId)));
        var papers = papersDb.Papers.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new IndexedPaper(p.Id, p.PublicId, p.Abstract, p.Published)).AsEnumerable();
        foreach (var paper in papers)
        {
            for (; authors.Has && authors.Current.PaperId <= paper.Id; authors.Next())
            {
                if (authors.Current.PaperId == paper.Id)
                {
                    paper.Authors.Add((authors.Current.Id, authors.Current.Name, authors.Current.Slug));
                }
            }
            for (; subjects.Has && subjects.Current.PaperId <= paper.Id; subjects.Next())
            {
                if (subjects.Current.PaperId == paper.Id)
                {
                    var (fieldId, text) = subjectNames[subjects.Current.Id];
                    paper.Subjects.Add((subjects.Current.Id, fieldId, text));
                }
            }
            for (; listings.Has && listings.Current.PaperId <= paper.Id; listings.Next())
            {
                if (listings.Current.PaperId == paper.Id && (paper.Listings.Count == 0 || paper.Listings[^1] != listings.Current.ListingId))
                {
                    paper.Listings.Add(listings.Current.ListingId);
                }
            }
            yield return paper;
        }
    }

    /// <summary>An ordered read with its next row at hand.</summary>
    private sealed class Ahead<T> : IDisposable
    {
        private readonly IEnumerator<T> _rows;

        public Ahead(IEnumerable<T> rows)
        {
            _rows = rows.GetEnumerator();
            Next();
        }

        public bool Has { get; private set; }

        public T Current => _rows.Current;

        public void Next() => Has = _rows.MoveNext();

        public void Dispose() => _rows.Dispose();
    }
}
