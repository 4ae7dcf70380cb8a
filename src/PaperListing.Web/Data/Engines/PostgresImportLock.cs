using Npgsql;

namespace PaperListing.Web.Data.Engines;

/// <summary>
/// The import lock on PostgreSQL: a session-level advisory lock (<c>pg_advisory_lock</c>) held on a connection of its
/// own, outside the pool, for the whole schema preparation and import. Other replicas wait on it in the server, then
/// find every seed file unchanged. Advisory locks belong to one database, so sites on other databases never wait;
/// the server lets go of the lock when the connection ends, so a replica killed mid-import blocks no one.
/// </summary>
internal sealed class PostgresImportLock(NpgsqlConnection connection) : IAsyncDisposable
{
    /// <summary>The lock's key: any fixed number, the same in every replica ("PaperLst" in ASCII).</summary>
    private const long Key = 0x50_61_70_65_72_4C_73_74;

    public static async Task<IAsyncDisposable> AcquireAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            // Waiting for another replica's import may take minutes; a stop cancels the wait instead.
            CommandTimeout = 0,
            KeepAlive = 30,
            ApplicationName = "PaperListing import lock",
        };
        await PostgresDatabase.EnsureExistsAsync(builder, cancellationToken);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!await RunAsync<bool>(connection, "SELECT pg_try_advisory_lock(@key)", cancellationToken))
            {
                logger.WaitingForReplica();
                await RunAsync<object>(connection, "SELECT pg_advisory_lock(@key)", cancellationToken);
                logger.ReplicaDone();
            }
            return new PostgresImportLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await RunAsync<bool>(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
            }
        }
        finally
        {
            // Closing the session would release the lock anyway.
            await connection.DisposeAsync();
        }
    }

    private static async Task<T> RunAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", Key);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
