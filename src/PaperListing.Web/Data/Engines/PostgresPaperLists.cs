using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using PaperListing.Web.Importing;

namespace PaperListing.Web.Data.Engines;

/// <summary>Writes numbered lists into PostgreSQL with one binary COPY: the rows go as they are, with no statement to parse or plan.</summary>
internal static class PostgresPaperLists
{
    public static void Write(DbTransaction transaction, PaperListKind kind, NumberedLists lists)
    {
        var connection = (NpgsqlConnection)transaction.Connection!;
        using var copy = connection.BeginBinaryImport("""
            COPY "PaperListEntries" ("Kind", "OwnerId", "Position", "PaperId") FROM STDIN (FORMAT BINARY)
            """);
        foreach (var (owner, position, paper) in lists.Rows())
        {
            copy.StartRow();
            copy.Write((int)kind, NpgsqlDbType.Integer);
            copy.Write(owner, NpgsqlDbType.Integer);
            copy.Write(position, NpgsqlDbType.Integer);
            copy.Write(paper, NpgsqlDbType.Integer);
        }
        copy.Complete();
    }
}
