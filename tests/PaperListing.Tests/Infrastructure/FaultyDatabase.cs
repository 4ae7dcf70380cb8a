using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// A database that, once switched on, hangs, fails or is out of reach on every query the pages make (the import is
/// unaffected).
/// </summary>
public sealed class FaultyDatabase : DbCommandInterceptor
{
    public enum Fault
    {
        None,
        Hang,
        Fail,
        Unreachable,
    }

    /// <summary>What the engine of this test run throws when its server is gone (PostgreSQL) or its file locked (SQLite).</summary>
    public static Exception OutageException() => TestDatabase.IsPostgres
        ? new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused))
        : new SqliteException("SQLite Error 5: 'database is locked'.", 5);

    public Fault Now { get; set; }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        switch (Now)
        {
            case Fault.Hang:
                await Task.Delay(TimeSpan.FromSeconds(60), cancellationToken);
                break;
            case Fault.Fail:
                throw new SqliteException("SQLite Error 10: 'disk I/O error'.", 10);
            case Fault.Unreachable:
                throw OutageException();
        }
        return result;
    }
}
