using System.Data.Common;
using PaperListing.Web.Data;
using PaperListing.Web.Importing.Parsing;
using PaperListing.Web.Papers;
using PaperListing.Web.Search;

namespace PaperListing.Web.Importing;

/// <summary>
/// Writes one seed file's papers in one transaction, with plain parameterised SQL that SQLite and PostgreSQL both
/// speak. A listing's entries keep contiguous positions across its files (in file-name order), so a page is an
/// indexed range; a file that changes shifts the positions of the files after it.
/// </summary>
internal sealed class SeedFileWriter(DbConnection connection, IImportTuning tuning, IPaperSearch search)
{
    private readonly NameIds _names = new();
    private PaperKeys? _keys;
    private bool _indexesDeferred;

    /// <summary>Ends the import: indexes deferred for a first load into an empty database are built now, at once.</summary>
    public void Finish()
    {
        if (_indexesDeferred)
        {
            tuning.RestoreIndexes(connection);
            _indexesDeferred = false;
        }
    }

    public int ImportFile(SeedFileStamp stamp, SeedHeader header, IEnumerable<PreparedEntry> entries,
        SeedFile? previous, CancellationToken cancellationToken)
    {
        return InTransaction(sql =>
        {
            var replaced = previous is null ? null : Detach(sql, previous);
            var listingId = ListingFor(sql, header.Title, stamp.FileName);
            var start = sql.Scalar<long>("""
                SELECT COALESCE(SUM("EntryCount"), 0) FROM "SeedFiles" WHERE "ListingId" = @l AND "FileName" < @f
                """, ("l", listingId), ("f", stamp.FileName));
            var fileId = sql.Scalar<int>("""
                INSERT INTO "SeedFiles" ("FileName", "ContentHash", "Length", "LastWriteTicks", "ListingId", "EntryCount")
                VALUES (@f, @h, @n, @t, @l, 0) RETURNING "Id"
                """, ("f", stamp.FileName), ("h", stamp.ContentHash), ("n", stamp.Length), ("t", stamp.TrustedLastWriteTicks), ("l", listingId));
            var papers = new PaperRows(sql, tuning, Keys(sql), _names, listingId, fileId, start);
            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                papers.Add(entry);
            }
            papers.Flush();
            search.AddDocuments(connection, sql.Transaction, papers.Documents);
            var count = papers.Count;
            ShiftLaterFiles(sql, listingId, stamp.FileName, count);
            sql.Execute("""UPDATE "SeedFiles" SET "EntryCount" = @n WHERE "Id" = @id""", ("n", count), ("id", fileId));
            sql.Execute("""
                UPDATE "Listings" SET "PaperCount" = "PaperCount" + @n, "DeclaredTotal" = COALESCE(@d, "DeclaredTotal"),
                  "SortKey" = (SELECT MIN("FileName") FROM "SeedFiles" WHERE "ListingId" = @l)
                WHERE "Id" = @l
                """, ("n", count), ("d", header.DeclaredTotal), ("l", listingId));
            if (replaced is not null)
            {
                DeleteOrphans(sql, replaced);
            }
            return count;
        });
    }

    public void RemoveFile(SeedFile previous) => InTransaction(sql =>
    {
        DeleteOrphans(sql, Detach(sql, previous));
        return 0;
    });

    /// <summary>Records a new length and write time for a file whose content is unchanged, so the next start need not hash it.</summary>
    public void Restamp(SeedFile previous, SeedFileStamp stamp) => InTransaction(sql => sql.Execute("""
        UPDATE "SeedFiles" SET "Length" = @n, "LastWriteTicks" = @t WHERE "Id" = @id
        """, ("n", stamp.Length), ("t", stamp.TrustedLastWriteTicks), ("id", previous.Id)));

    /// <summary>
    /// The keys of the stored papers, read once the first file needs them. Into an empty database (a first start, or
    /// a rebuild) the slowest indexes are deferred first: built once at the end from sorted data, instead of row by
    /// row at random places. The deferral is recorded with the drop, so a crash before the end is repaired next start.
    /// </summary>
    private PaperKeys Keys(SqlBatch sql)
    {
        if (_keys is null)
        {
            _keys = PaperKeys.Load(sql);
            if (_keys.Count == 0 && tuning.DeferIndexes(sql.Connection, sql.Transaction))
            {
                _indexesDeferred = true;
            }
        }
        return _keys;
    }

    private T InTransaction<T>(Func<SqlBatch, T> work)
    {
        using var transaction = connection.BeginTransaction();
        using var sql = new SqlBatch(connection, transaction);
        try
        {
            var result = work(sql);
            sql.Execute(DataStamp.BumpSql, ("k", DataStamp.Key), ("v", DataStamp.NewValue()));
            transaction.Commit();
            _keys?.Commit();
            return result;
        }
        catch
        {
            // What was learnt during a rolled-back transaction may not hold.
            _names.Clear();
            _keys?.Rollback();
            throw;
        }
    }

    /// <summary>Takes a file's entries out of its listing; returns the papers they held.</summary>
    private static List<int> Detach(SqlBatch sql, SeedFile previous)
    {
        var paperIds = sql.Column<int>("""SELECT DISTINCT "PaperId" FROM "ListingEntries" WHERE "SeedFileId" = @id""", ("id", previous.Id));
        sql.Execute("""DELETE FROM "ListingEntries" WHERE "SeedFileId" = @id""", ("id", previous.Id));
        ShiftLaterFiles(sql, previous.ListingId, previous.FileName, -previous.EntryCount);
        sql.Execute("""DELETE FROM "SeedFiles" WHERE "Id" = @id""", ("id", previous.Id));
        sql.Execute("""
            UPDATE "Listings" SET "PaperCount" = "PaperCount" - @n,
              "SortKey" = COALESCE((SELECT MIN("FileName") FROM "SeedFiles" WHERE "ListingId" = @l), "SortKey")
            WHERE "Id" = @l
            """, ("n", previous.EntryCount), ("l", previous.ListingId));
        sql.Execute("""
            DELETE FROM "Listings" WHERE "Id" = @l AND NOT EXISTS (SELECT 1 FROM "SeedFiles" WHERE "ListingId" = @l)
            """, ("l", previous.ListingId));
        return paperIds;
    }

    /// <summary>Moves the entries of the listing's later files by <paramref name="delta"/>, through their files (indexed); a last file moves nothing.</summary>
    private static void ShiftLaterFiles(SqlBatch sql, int listingId, string fileName, int delta)
    {
        if (delta == 0)
        {
            return;
        }
        var laterFiles = sql.Column<int>("""
            SELECT "Id" FROM "SeedFiles" WHERE "ListingId" = @l AND "FileName" > @f
            """, ("l", listingId), ("f", fileName));
        foreach (var laterFile in laterFiles)
        {
            sql.Execute("""UPDATE "ListingEntries" SET "Position" = "Position" + @d WHERE "SeedFileId" = @id""", ("d", delta), ("id", laterFile));
        }
    }

    /// <summary>Deletes the papers no listing holds any more, then the authors, subjects and fields no paper names.</summary>
    private void DeleteOrphans(SqlBatch sql, List<int> paperIds)
    {
        if (paperIds.Count == 0)
        {
            return;
        }
        var authorIds = new HashSet<int>();
        var documents = new List<SearchDocument>();
        const string orphan = """NOT EXISTS (SELECT 1 FROM "ListingEntries" WHERE "PaperId" = @p)""";
        foreach (var paperId in paperIds)
        {
            string abstractText;
            using (var reader = sql.Reader($"""SELECT "ContentHash", "PublicId", "Abstract" FROM "Papers" WHERE "Id" = @p AND {orphan}""", ("p", paperId)))
            {
                if (!reader.Read())
                {
                    continue;
                }
                _keys?.Remove(reader.GetString(0), reader.GetString(1), paperId);
                abstractText = reader.GetString(2);
            }
            documents.Add(DocumentOf(sql, paperId, abstractText));
            authorIds.UnionWith(sql.Column<int>("""SELECT "AuthorId" FROM "PaperAuthors" WHERE "PaperId" = @p""", ("p", paperId)));
            sql.Execute("""DELETE FROM "PaperAuthors" WHERE "PaperId" = @p""", ("p", paperId));
            sql.Execute("""DELETE FROM "PaperSubjects" WHERE "PaperId" = @p""", ("p", paperId));
            sql.Execute("""DELETE FROM "Papers" WHERE "Id" = @p""", ("p", paperId));
        }
        search.RemoveDocuments(connection, sql.Transaction, documents);
        foreach (var authorId in authorIds)
        {
            sql.Execute("""
                DELETE FROM "Authors" WHERE "Id" = @a AND NOT EXISTS (SELECT 1 FROM "PaperAuthors" WHERE "AuthorId" = @a)
                """, ("a", authorId));
        }
        sql.Execute("""DELETE FROM "Subjects" WHERE NOT EXISTS (SELECT 1 FROM "PaperSubjects" ps WHERE ps."SubjectId" = "Subjects"."Id")""");
        sql.Execute("""DELETE FROM "Fields" WHERE NOT EXISTS (SELECT 1 FROM "Subjects" s WHERE s."FieldId" = "Fields"."Id")""");
        _names.Clear();
    }

    /// <summary>A stored paper's search document, as the import made it: what its words were counted from.</summary>
    private static SearchDocument DocumentOf(SqlBatch sql, int paperId, string abstractText)
    {
        var authors = sql.Column<string>("""
            SELECT a."Name" FROM "PaperAuthors" pa JOIN "Authors" a ON a."Id" = pa."AuthorId" WHERE pa."PaperId" = @p ORDER BY pa."Position"
            """, ("p", paperId));
        var subjects = sql.Column<string>("""
            SELECT s."Name" || ' ' || f."Name" FROM "PaperSubjects" ps JOIN "Subjects" s ON s."Id" = ps."SubjectId"
            JOIN "Fields" f ON f."Id" = s."FieldId" WHERE ps."PaperId" = @p ORDER BY ps."Position"
            """, ("p", paperId));
        return new SearchDocument(paperId, abstractText, string.Join(' ', authors), string.Join(' ', subjects));
    }

    private static int ListingFor(SqlBatch sql, string title, string fileName)
    {
        if (sql.ScalarOrNull<int>("""SELECT "Id" FROM "Listings" WHERE "Title" = @t""", ("t", title)) is { } id)
        {
            return id;
        }
        var slug = Slug.From(title);
        if (sql.ScalarOrNull<int>("""SELECT "Id" FROM "Listings" WHERE "Slug" = @s""", ("s", slug)) is not null)
        {
            slug = Slug.Disambiguated(title);
        }
        return sql.Scalar<int>("""
            INSERT INTO "Listings" ("Slug", "Title", "PaperCount", "SortKey") VALUES (@s, @t, 0, @k) RETURNING "Id"
            """, ("s", slug), ("t", title), ("k", fileName));
    }
}
