using System.Data.Common;

namespace PaperListing.Web.Importing.Engines;

/// <summary>
/// What the engines' import tunings share: plain commands on the import's own connection, and the record of the
/// schema a first load set aside (indexes, and on PostgreSQL foreign keys), kept in DatabaseFacts in the same
/// transaction as the drop, so that a crash before the end is repaired at the next start.
/// </summary>
internal static class DeferredSchema
{
    /// <summary>The DatabaseFacts key of the record: the statements that build again what was dropped.</summary>
    public const string Key = "DeferredIndexes";

    private const string Separator = ";\n";

    public static void Record(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> statements)
    {
        using var record = Command(connection, transaction, """
            INSERT INTO "DatabaseFacts" ("Key", "Value") VALUES (@k, @v) ON CONFLICT ("Key") DO UPDATE SET "Value" = excluded."Value"
            """);
        AddParameter(record, "@k", Key);
        AddParameter(record, "@v", string.Join(Separator, statements));
        record.ExecuteNonQuery();
    }

    /// <summary>
    /// Runs the recorded statements (an index that a crash left half made is taken as it is), in one transaction that
    /// also clears the record; false when nothing was set aside.
    /// </summary>
    public static bool Restore(DbConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        string? recorded;
        using (var read = Command(connection, transaction, """SELECT "Value" FROM "DatabaseFacts" WHERE "Key" = @k"""))
        {
            AddParameter(read, "@k", Key);
            recorded = read.ExecuteScalar() as string;
        }
        if (recorded is null)
        {
            return false;
        }
        foreach (var statement in recorded.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            Run(connection, transaction, statement.Replace(" INDEX ", " INDEX IF NOT EXISTS ", StringComparison.Ordinal));
        }
        using (var clear = Command(connection, transaction, """DELETE FROM "DatabaseFacts" WHERE "Key" = @k"""))
        {
            AddParameter(clear, "@k", Key);
            clear.ExecuteNonQuery();
        }
        transaction.Commit();
        return true;
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        // Building the indexes of a large load takes longer than the default 30 s.
        command.CommandTimeout = 0;
        return command;
    }

    public static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public static void Run(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }
}
