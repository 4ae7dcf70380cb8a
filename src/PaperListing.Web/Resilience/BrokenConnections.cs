using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace PaperListing.Web.Resilience;

/// <summary>
/// PostgreSQL restarted or its backends killed leaves every idle connection in Npgsql's pool broken, and the pool
/// finds that out one request at a time. The first command or connection that fails for that reason clears the pool
/// instead (<see cref="NpgsqlConnection.ClearPool"/>: idle connections closed, busy ones dropped when returned), so
/// the next requests open fresh connections as soon as the server answers.
/// </summary>
public sealed class BrokenConnections : IDbCommandInterceptor, IDbConnectionInterceptor
{
    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ClearIfBroken(command.Connection, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearIfBroken(command.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => ClearIfBroken(connection, eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearIfBroken(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public static void ClearIfBroken(DbConnection? connection, Exception exception)
    {
        if (connection is NpgsqlConnection npgsql && DatabaseOutage.IsOutage(exception))
        {
            NpgsqlConnection.ClearPool(npgsql);
        }
    }
}
