using PaperListing.Web.Importing.Parsing;
using PaperListing.Web.Papers;

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

    /// <summary>Authors per statement when many are new at once (two parameters each).</summary>
    private const int AuthorsPerStatement = 50;

    /// <summary>
    /// Finds or creates, many to a statement, the authors among <paramref name="names"/> not yet known: a first
    /// load meets a few hundred thousand new authors. Names in their order of appearance, so slugs go first come,
    /// first served, as one at a time would.
    /// </summary>
    public void AddAuthors(SqlBatch sql, IEnumerable<string> names)
    {
        var missing = names.Where(n => !_authors.ContainsKey(n)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in missing.Chunk(AuthorsPerStatement))
        {
            var command = sql.Text(SqlBatch.ValuesText("""INSERT INTO "Authors" ("Name", "Slug") VALUES """, chunk.Length, 2,
                """ ON CONFLICT DO NOTHING RETURNING "Id", "Name" """), chunk.Length * 2);
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters[2 * i].Value = chunk[i];
                command.Parameters[2 * i + 1].Value = Slug.From(chunk[i]);
            }
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    _authors[reader.GetString(1)] = reader.GetInt32(0);
                }
            }
            // Known already, or a slug another name holds: one at a time.
            foreach (var name in chunk.Where(n => !_authors.ContainsKey(n)))
            {
                Author(sql, name);
            }
        }
    }

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
