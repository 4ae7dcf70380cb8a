using System.Data.Common;

namespace PaperListing.Web.Importing.Engines;

/// <summary>
/// PostgreSQL around a bulk import: commits that do not wait for the WAL to reach the disk (synchronous_commit off: a
/// crash loses at most the last commits, never consistency) and room for index builds; for a first load into an
/// empty database the indexes on random keys (and the foreign keys of the largest tables) are dropped and built once
/// at the end, as on SQLite, recorded in the same transaction so a crash before the end is repaired at the next start; the tables are analysed after them.
/// </summary>
public sealed class PostgresImportTuning : IImportTuning
{
    public const string DeferredIndexesKey = DeferredSchema.Key;

    /// <summary>
    /// Indexes whose keys arrive in random order during a load, and the search index: a GIN index built once from all
    /// the documents is far cheaper than one kept up to date document by document.
    /// </summary>
    private static readonly string[] Deferrable =
        ["IX_Papers_PublicId", "IX_PaperAuthors_AuthorId_PaperId", "IX_PaperSubjects_SubjectId_PaperId", "IX_ListingEntries_PaperId",
         "IX_PaperSearch_Document", "IX_PaperSearch_Stems"];

    /// <summary>The tables whose foreign keys wait for the end of a first load, like the indexes above.</summary>
    private static readonly string[] ForeignKeyTables = ["PaperAuthors", "PaperSubjects", "ListingEntries", "PaperSearch"];

    public void BeforeImport(DbConnection connection)
    {
        Run(connection, null, "SET synchronous_commit = off; SET maintenance_work_mem = '256MB'; SET work_mem = '64MB';");
        RestoreIndexes(connection);
    }

    public bool DeferIndexes(DbConnection connection, DbTransaction transaction)
    {
        var statements = new List<string>();
        foreach (var name in Deferrable)
        {
            using var command = Command(connection, transaction, """
                SELECT "indexdef" FROM "pg_indexes" WHERE "schemaname" = current_schema() AND "indexname" = @n
                """);
            AddParameter(command, "n", name);
            if (command.ExecuteScalar() is string sql)
            {
                statements.Add(sql);
            }
        }
        // Foreign keys of the tables that take millions of rows: checked row by row while loading (a lookup per row
        // and key), once at the end in one pass per key when added again. Restored after the indexes they lean on.
        var foreignKeys = new List<(string Table, string Name)>();
        using (var command = Command(connection, transaction, """
            SELECT quote_ident(t."relname"), quote_ident(c."conname"), pg_get_constraintdef(c."oid")
            FROM "pg_constraint" c JOIN "pg_class" t ON t."oid" = c."conrelid" JOIN "pg_namespace" n ON n."oid" = t."relnamespace"
            WHERE c."contype" = 'f' AND n."nspname" = current_schema() AND t."relname" = ANY(@t)
            ORDER BY 1, 2
            """))
        {
            AddParameter(command, "t", ForeignKeyTables);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                foreignKeys.Add((reader.GetString(0), reader.GetString(1)));
                statements.Add($"ALTER TABLE {reader.GetString(0)} ADD CONSTRAINT {reader.GetString(1)} {reader.GetString(2)}");
            }
        }
        if (statements.Count == 0)
        {
            return false;
        }
        DeferredSchema.Record(connection, transaction, statements);
        foreach (var name in Deferrable)
        {
            Run(connection, transaction, $"""DROP INDEX IF EXISTS "{name}";""");
        }
        foreach (var (table, name) in foreignKeys)
        {
            Run(connection, transaction, $"ALTER TABLE {table} DROP CONSTRAINT {name};");
        }
        return true;
    }

    public void RestoreIndexes(DbConnection connection)
    {
        if (DeferredSchema.Restore(connection))
        {
            // A first load: the planner learns the tables' new sizes now rather than at autovacuum's next round.
            Run(connection, null, "ANALYZE;");
        }
    }

    public void AfterImport(DbConnection connection)
    {
        if (connection.State == System.Data.ConnectionState.Open)
        {
            Run(connection, null, "RESET synchronous_commit; RESET maintenance_work_mem; RESET work_mem;");
        }
    }

    /// <summary>Rows of numbers go in by COPY: no statement to parse per batch.</summary>
    public IRowWriter Rows(SqlBatch sql, string table, params string[] columns) => new PostgresCopyRows(sql, table, columns);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql) =>
        DeferredSchema.Command(connection, transaction, sql);

    private static void AddParameter(DbCommand command, string name, object value) => DeferredSchema.AddParameter(command, name, value);

    private static void Run(DbConnection connection, DbTransaction? transaction, string sql) => DeferredSchema.Run(connection, transaction, sql);
}
