using System.Text;
using PaperListing.Web.Importing.Parsing;
using PaperListing.Web.Search;

namespace PaperListing.Web.Importing;

/// <summary>
/// Writes one file's papers, their authors and subjects and the listing entries that place them, a hundred papers
/// and five hundred rows to a statement. A paper already stored (same content hash) is reused, first seen wins; ids
/// and addresses come from <see cref="PaperKeys"/>, so no row needs a query first.
/// </summary>
internal sealed class PaperRows(SqlBatch sql, IImportTuning tuning, PaperKeys keys, NameIds names, int listingId, int fileId, long firstPosition)
{
    private const int PapersPerStatement = 100;

    private readonly List<PreparedEntry> _pending = new(PapersPerStatement);
    private readonly List<(int Id, string PublicId, PreparedEntry Prepared)> _new = new(PapersPerStatement);
    private readonly IRowWriter _authors = tuning.Rows(sql, "PaperAuthors", "PaperId", "Position", "AuthorId");
    private readonly IRowWriter _subjects = tuning.Rows(sql, "PaperSubjects", "PaperId", "Position", "SubjectId");
    private readonly IRowWriter _entries = tuning.Rows(sql, "ListingEntries", "ListingId", "Position", "PaperId", "SeedFileId");

    /// <summary>The papers this file added, for the search index.</summary>
    public List<SearchDocument> Documents { get; } = [];

    /// <summary>Entries written so far.</summary>
    public int Count { get; private set; }

    public void Add(PreparedEntry entry)
    {
        _pending.Add(entry);
        if (_pending.Count == PapersPerStatement)
        {
            WritePending();
        }
    }

    public void Flush()
    {
        WritePending();
        _authors.Flush();
        _subjects.Flush();
        _entries.Flush();
    }

    private void WritePending()
    {
        if (_pending.Count == 0)
        {
            return;
        }
        Span<int> paperIds = stackalloc int[_pending.Count];
        for (var i = 0; i < _pending.Count; i++)
        {
            var prepared = _pending[i];
            if (!keys.TryGet(prepared.ContentHash, out paperIds[i]))
            {
                var (id, publicId) = keys.Add(prepared.ContentHash);
                _new.Add((id, publicId, prepared));
                paperIds[i] = id;
            }
        }
        InsertNewPapers();
        names.AddAuthors(sql, _new.SelectMany(n => n.Prepared.Entry.Authors));
        foreach (var (id, _, prepared) in _new)
        {
            WriteAuthorsAndSubjects(id, prepared.Entry);
            Documents.Add(new SearchDocument(id, prepared.Entry.Abstract, prepared.Authors, prepared.Subjects, prepared.Terms));
        }
        for (var i = 0; i < _pending.Count; i++)
        {
            _entries.Add(listingId, firstPosition + Count, paperIds[i], fileId);
            Count++;
        }
        _pending.Clear();
        _new.Clear();
    }

    /// <summary>Inserts the batch's new papers in one statement; the abstract is the only parameter, the rest are computed tokens.</summary>
    private void InsertNewPapers()
    {
        if (_new.Count == 0)
        {
            return;
        }
        var text = new StringBuilder("""INSERT INTO "Papers" ("Id", "PublicId", "ContentHash", "Abstract", "Published") VALUES """, 160 * _new.Count);
        for (var i = 0; i < _new.Count; i++)
        {
            var (id, publicId, prepared) = _new[i];
            text.Append(i == 0 ? "(" : ", (").Append(SqlLiteral.Number(id)).Append(", ").Append(SqlLiteral.Token(publicId))
                .Append(", ").Append(SqlLiteral.Token(prepared.ContentHash)).Append(", @p").Append(SqlLiteral.Number(i))
                .Append(", ").Append(SqlLiteral.Date(prepared.Entry.Published)).Append(')');
        }
        var command = sql.Text(text.ToString(), _new.Count);
        for (var i = 0; i < _new.Count; i++)
        {
            command.Parameters[i].Value = _new[i].Prepared.Entry.Abstract;
        }
        command.ExecuteNonQuery();
    }

    private void WriteAuthorsAndSubjects(int paperId, SeedEntry entry)
    {
        for (var i = 0; i < entry.Authors.Count; i++)
        {
            _authors.Add(paperId, i, names.Author(sql, entry.Authors[i]));
        }
        for (var i = 0; i < entry.Subjects.Count; i++)
        {
            _subjects.Add(paperId, i, names.Subject(sql, entry.Subjects[i]));
        }
    }
}
