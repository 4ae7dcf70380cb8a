using PaperListing.Web.Seeding;

namespace PaperListing.Web.Importing;

/// <summary>
/// The ids of authors, fields and subjects by name, found or created once and then kept in memory for the import:
/// a million papers name a few hundred thousand authors many times over.
/// </summary>
internal sealed class NameIds
{
    private readonly Dictionary<string, int> _authors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<(int FieldId, string Name), int> _subjects = [];

    public int Author(SqlBatch sql, string name)
    {
        if (_authors.TryGetValue(name, out var cached))
        {
            return cached;
        }
        // One statement for a new author; a known one (or a slug taken by another name) costs one more.
        var id = sql.ScalarOrNull<int>("""INSERT INTO "Authors" ("Name", "Slug") VALUES (@n, @s) ON CONFLICT DO NOTHING RETURNING "Id" """,
                ("n", name), ("s", Slug.From(name)))
            ?? sql.ScalarOrNull<int>("""SELECT "Id" FROM "Authors" WHERE "Name" = @n""", ("n", name))
            ?? sql.Scalar<int>("""INSERT INTO "Authors" ("Name", "Slug") VALUES (@n, @s) RETURNING "Id" """,
                ("n", name), ("s", Slug.Disambiguated(name)));
        _authors[name] = id;
        return id;
    }

    public int Subject(SqlBatch sql, SeedSubject subject)
    {
        var fieldId = Field(sql, subject.Field);
        if (_subjects.TryGetValue((fieldId, subject.Category), out var cached))
        {
            return cached;
        }
        var wanted = Slug.From(subject.Field.Length == 0 ? subject.Category : $"{subject.Category} in {subject.Field}");
        var id = sql.ScalarOrNull<int>("""SELECT "Id" FROM "Subjects" WHERE "FieldId" = @f AND "Name" = @n""", ("f", fieldId), ("n", subject.Category))
            ?? sql.Scalar<int>("""INSERT INTO "Subjects" ("Name", "FieldId", "Slug") VALUES (@n, @f, @s) RETURNING "Id" """,
                ("n", subject.Category), ("f", fieldId), ("s", FreeSubjectSlug(sql, $"{subject.Category}\n{subject.Field}", wanted)));
        _subjects[(fieldId, subject.Category)] = id;
        return id;
    }

    private int Field(SqlBatch sql, string name)
    {
        if (_fields.TryGetValue(name, out var cached))
        {
            return cached;
        }
        var id = sql.ScalarOrNull<int>("""SELECT "Id" FROM "Fields" WHERE "Name" = @n""", ("n", name))
            ?? sql.Scalar<int>("""INSERT INTO "Fields" ("Name", "Slug") VALUES (@n, @s) RETURNING "Id" """,
                ("n", name), ("s", FreeSubjectSlug(sql, name, name.Length == 0 ? "unfiled" : Slug.From(name))));
        _fields[name] = id;
        return id;
    }

    /// <summary>Fields and subjects share the /subjects/ namespace, so a slug must be free in both.</summary>
    private static string FreeSubjectSlug(SqlBatch sql, string exactText, string wanted)
    {
        var taken = sql.ScalarOrNull<int>("""
            SELECT 1 FROM "Subjects" WHERE "Slug" = @s UNION ALL SELECT 1 FROM "Fields" WHERE "Slug" = @s
            """, ("s", wanted));
        return taken is null ? wanted : Slug.Disambiguated(exactText);
    }

    /// <summary>Forgets every id: after a rollback, or after rows were deleted.</summary>
    public void Clear()
    {
        _authors.Clear();
        _fields.Clear();
        _subjects.Clear();
    }
}
