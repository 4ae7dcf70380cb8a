using Npgsql;

namespace PaperListing.Web.Data.Engines;

/// <summary>Creates the configured database when it does not exist and the role may create one (a developer's cluster, the tests).</summary>
internal static class PostgresDatabase
{
    public static async Task EnsureExistsAsync(NpgsqlConnectionStringBuilder builder, CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = new NpgsqlConnection(builder.ConnectionString);
            await probe.OpenAsync(cancellationToken);
            return;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName && !string.IsNullOrEmpty(builder.Database))
        {
            // Created below.
        }
        var maintenance = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {Quoted(builder.Database!)}", connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another replica created it first.
        }
    }

    /// <summary>A quoted identifier: any name, with its quotes doubled.</summary>
    public static string Quoted(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
