using System.Data.Common;
using PaperListing.Web.Data;
using PaperListing.Web.Search;
using PaperListing.Web.Seeding;

namespace PaperListing.Web.Importing;

/// <summary>
/// Writes one seed file's papers in one transaction, with plain parameterised SQL that SQLite and PostgreSQL both
/// speak. A listing's entries keep contiguous positions across its files (in file-name order), so a page is an
/// indexed range; a file that changes shifts the positions of the files after it.
/// </summary>
internal sealed class SeedFileWriter(DbConnection connection, IPaperSearch search)
{
    private readonly Dictionary<string, int> _authors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<(int FieldId, string Name), int> _subjects = [];

    public int ImportFile(string fileName, string contentHash, SeedHeader header, IEnumerable<SeedEntry> entries,
        SeedFile? previous, CancellationToken cancellationToken)
    {
        return InTransaction(sql =>
        {
            var replaced = previous is null ? [] : Detach(sql, previous);
            var listingId = ListingFor(sql, header.Title, fileName);
            var start = sql.Scalar<long>("""
                SELECT COALESCE(SUM("EntryCount"), 0) FROM "SeedFiles" WHERE "ListingId" = @l AND "FileName" < @f
                """, ("l", listingId), ("f", fileName));
            var fileId = sql.Scalar<int>("""
                INSERT INTO "SeedFiles" ("FileName", "ContentHash", "ListingId", "EntryCount") VALUES (@f, @h, @l, 0) RETURNING "Id"
                """, ("f", fileName), ("h", contentHash), ("l", listingId));
            var count = 0;
            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var paperId = PaperFor(sql, entry);
                sql.Execute("""
                    INSERT INTO "ListingEntries" ("ListingId", "Position", "PaperId", "SeedFileId") VALUES (@l, @p, @paper, @file)
                    """, ("l", listingId), ("p", (int)(start + count)), ("paper", paperId), ("file", fileId));
                count++;
            }
            ShiftLaterFiles(sql, listingId, fileName, count);
            sql.Execute("""UPDATE "SeedFiles" SET "EntryCount" = @n WHERE "Id" = @id""", ("n", count), ("id", fileId));
            sql.Execute("""
                UPDATE "Listings" SET "PaperCount" = "PaperCount" + @n, "DeclaredTotal" = COALESCE(@d, "DeclaredTotal"),
                  "SortKey" = (SELECT MIN("FileName") FROM "SeedFiles" WHERE "ListingId" = @l)
                WHERE "Id" = @l
                """, ("n", count), ("d", header.DeclaredTotal), ("l", listingId));
            DeleteOrphans(sql, replaced);
            return count;
        });
    }

    public void RemoveFile(SeedFile previous) => InTransaction(sql =>
    {
        DeleteOrphans(sql, Detach(sql, previous));
        return 0;
    });

    private T InTransaction<T>(Func<SqlBatch, T> work)
    {
        using var transaction = connection.BeginTransaction();
        using var sql = new SqlBatch(connection, transaction);
        try
        {
            var result = work(sql);
            search.UpdateIndex(connection, transaction);
            transaction.Commit();
            return result;
        }
        catch
        {
            // Ids cached during a rolled-back transaction may not exist.
            ClearCaches();
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

    private static void ShiftLaterFiles(SqlBatch sql, int listingId, string fileName, int delta)
    {
        if (delta == 0)
        {
            return;
        }
        sql.Execute("""
            UPDATE "ListingEntries" SET "Position" = "Position" + @d
            WHERE "ListingId" = @l AND "SeedFileId" IN (SELECT "Id" FROM "SeedFiles" WHERE "ListingId" = @l AND "FileName" > @f)
            """, ("d", delta), ("l", listingId), ("f", fileName));
    }

    private void DeleteOrphans(SqlBatch sql, List<int> paperIds)
    {
        if (paperIds.Count == 0)
        {
            return;
        }
        foreach (var paperId in paperIds)
        {
            const string orphan = """NOT EXISTS (SELECT 1 FROM "ListingEntries" WHERE "PaperId" = @p)""";
            sql.Execute($"""DELETE FROM "PaperAuthors" WHERE "PaperId" = @p AND {orphan}""", ("p", paperId));
            sql.Execute($"""DELETE FROM "PaperSubjects" WHERE "PaperId" = @p AND {orphan}""", ("p", paperId));
            sql.Execute($"""DELETE FROM "Papers" WHERE "Id" = @p AND {orphan}""", ("p", paperId));
        }
        sql.Execute("""DELETE FROM "Authors" WHERE NOT EXISTS (SELECT 1 FROM "PaperAuthors" pa WHERE pa."AuthorId" = "Authors"."Id")""");
        sql.Execute("""DELETE FROM "Subjects" WHERE NOT EXISTS (SELECT 1 FROM "PaperSubjects" ps WHERE ps."SubjectId" = "Subjects"."Id")""");
        sql.Execute("""DELETE FROM "Fields" WHERE NOT EXISTS (SELECT 1 FROM "Subjects" s WHERE s."FieldId" = "Fields"."Id")""");
        ClearCaches();
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

    private int PaperFor(SqlBatch sql, SeedEntry entry)
    {
        var hash = StablePaperId.ContentHash(entry.Abstract, entry.Published, entry.Authors.Count > 0 ? entry.Authors[0] : null);
        for (var length = StablePaperId.ShortLength; ; length += 2)
        {
            var inserted = sql.ScalarOrNull<int>("""
                INSERT INTO "Papers" ("PublicId", "ContentHash", "Abstract", "Published") VALUES (@id, @h, @a, @d)
                ON CONFLICT DO NOTHING RETURNING "Id"
                """, ("id", StablePaperId.FromContentHash(hash, length)), ("h", hash), ("a", entry.Abstract), ("d", entry.Published));
            if (inserted is { } paperId)
            {
                for (var i = 0; i < entry.Authors.Count; i++)
                {
                    sql.Execute("""INSERT INTO "PaperAuthors" ("PaperId", "Position", "AuthorId") VALUES (@p, @i, @a)""",
                        ("p", paperId), ("i", i), ("a", AuthorFor(sql, entry.Authors[i])));
                }
                for (var i = 0; i < entry.Subjects.Count; i++)
                {
                    sql.Execute("""INSERT INTO "PaperSubjects" ("PaperId", "Position", "SubjectId") VALUES (@p, @i, @s)""",
                        ("p", paperId), ("i", i), ("s", SubjectFor(sql, entry.Subjects[i])));
                }
                return paperId;
            }
            // The same paper is already stored (first seen wins), or another paper holds this short address.
            if (sql.ScalarOrNull<int>("""SELECT "Id" FROM "Papers" WHERE "ContentHash" = @h""", ("h", hash)) is { } existing)
            {
                return existing;
            }
        }
    }

    private int AuthorFor(SqlBatch sql, string name)
    {
        if (_authors.TryGetValue(name, out var cached))
        {
            return cached;
        }
        var id = sql.ScalarOrNull<int>("""SELECT "Id" FROM "Authors" WHERE "Name" = @n""", ("n", name))
            ?? sql.Scalar<int>("""INSERT INTO "Authors" ("Name", "Slug") VALUES (@n, @s) RETURNING "Id" """,
                ("n", name), ("s", FreeSlug(sql, "Authors", name, Slug.From(name))));
        _authors[name] = id;
        return id;
    }

    private int SubjectFor(SqlBatch sql, SeedSubject subject)
    {
        var fieldId = FieldFor(sql, subject.Field);
        if (_subjects.TryGetValue((fieldId, subject.Category), out var cached))
        {
            return cached;
        }
        var wanted = Slug.From(subject.Field.Length == 0 ? subject.Category : $"{subject.Category} in {subject.Field}");
        var id = sql.ScalarOrNull<int>("""SELECT "Id" FROM "Subjects" WHERE "FieldId" = @f AND "Name" = @n""", ("f", fieldId), ("n", subject.Category))
            ?? sql.Scalar<int>("""INSERT INTO "Subjects" ("Name", "FieldId", "Slug") VALUES (@n, @f, @s) RETURNING "Id" """,
                ("n", subject.Category), ("f", fieldId), ("s", FreeSlug(sql, "Subjects", $"{subject.Category}\n{subject.Field}", wanted)));
        _subjects[(fieldId, subject.Category)] = id;
        return id;
    }

    private int FieldFor(SqlBatch sql, string name)
    {
        if (_fields.TryGetValue(name, out var cached))
        {
            return cached;
        }
        var id = sql.ScalarOrNull<int>("""SELECT "Id" FROM "Fields" WHERE "Name" = @n""", ("n", name))
            ?? sql.Scalar<int>("""INSERT INTO "Fields" ("Name", "Slug") VALUES (@n, @s) RETURNING "Id" """,
                ("n", name), ("s", FreeSlug(sql, "Fields", name, name.Length == 0 ? "unfiled" : Slug.From(name))));
        _fields[name] = id;
        return id;
    }

    /// <summary>Authors share no slugs; fields and subjects share the /subjects/ namespace, so both are checked.</summary>
    private static string FreeSlug(SqlBatch sql, string table, string exactText, string wanted)
    {
        var taken = table == "Authors"
            ? sql.ScalarOrNull<int>("""SELECT 1 FROM "Authors" WHERE "Slug" = @s""", ("s", wanted))
            : sql.ScalarOrNull<int>("""
                SELECT 1 FROM "Subjects" WHERE "Slug" = @s UNION ALL SELECT 1 FROM "Fields" WHERE "Slug" = @s
                """, ("s", wanted));
        return taken is null ? wanted : Slug.Disambiguated(exactText);
    }

    private void ClearCaches()
    {
        _authors.Clear();
        _fields.Clear();
        _subjects.Clear();
    }
}
