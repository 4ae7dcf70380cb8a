using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PaperListing.Web.Resilience;

/// <summary>
/// Tells a database out of reach (stopped, restarting, its connections cut or all taken, a file locked by another
/// process) from every other failure: the first is answered 503 with Retry-After and retried, the second is a bug (500).
/// </summary>
public static class DatabaseOutage
{
    // SQLITE_BUSY and SQLITE_LOCKED: another connection holds the file past the busy timeout.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    // 08: connection exception; 53: insufficient resources (too many connections); 57P01-57P04: shut down,
                    // crashed, starting, dropped; 58: system error. Not 57014 (a query cancelled by a timeout: that is 504).
                    var state = postgres.SqlState;
                    return state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
                        || state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("58", StringComparison.Ordinal);
                case NpgsqlException:
                    // No server error: the connection itself failed (refused, reset, timed out, or the pool exhausted).
                    return true;
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked;
                case RetryLimitExceededException:
                    continue;
            }
        }
        return false;
    }
}
