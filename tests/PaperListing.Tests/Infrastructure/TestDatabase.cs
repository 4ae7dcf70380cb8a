using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// Which database engine the tests run on: SQLite (a file per site) unless PAPERLISTING_TEST_PROVIDER=Postgres, then
/// a database of its own per site on the server PAPERLISTING_TEST_POSTGRES names (scripts/postgres-start.sh prints
/// one), created by the site at its first start and dropped when the site is disposed.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "PAPERLISTING_TEST_PROVIDER";
    public const string ServerVariable = "PAPERLISTING_TEST_POSTGRES";

    public static bool IsPostgres =>
        (Environment.GetEnvironmentVariable(ProviderVariable) ?? "").StartsWith("postgres", StringComparison.OrdinalIgnoreCase);

    public static string Provider => IsPostgres ? "Postgres" : "Sqlite";

    /// <summary>The server's connection string, as set for the run (a failure that says how when it is missing).</summary>
    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server
        : throw new InvalidOperationException($"{ProviderVariable}=Postgres needs {ServerVariable}, e.g. the line scripts/postgres-start.sh prints");

    /// <summary>The connection string of a site whose files are in <paramref name="root"/>: the same root, the same database.</summary>
    public static string ConnectionStringFor(string root) => IsPostgres
        ? new NpgsqlConnectionStringBuilder(Server) { Database = DatabaseName(root) }.ConnectionString
        : $"Data Source={Path.Combine(root, "papers.db")}";

    /// <summary>Skips a test that is about SQLite itself (a file, a pragma, a query plan) on the PostgreSQL run.</summary>
    public static void RequireSqlite(string why)
    {
        if (IsPostgres)
        {
            Assert.Skip($"SQLite only: {why}");
        }
    }

    /// <summary>Skips a test that needs PostgreSQL on the SQLite run.</summary>
    public static void RequirePostgres(string what)
    {
        if (!IsPostgres)
        {
            Assert.Skip($"PostgreSQL only ({what}): set {ProviderVariable}=Postgres and {ServerVariable}");
        }
    }

    /// <summary>Drops a site's database, ending any session still open on it.</summary>
    public static void Drop(string root)
    {
        if (!IsPostgres)
        {
            return;
        }
        var connectionString = ConnectionStringFor(root);
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString);
        admin.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName(root)}\" WITH (FORCE)", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException) when (attempt < 5)
            {
                // A server process such as an autovacuum worker may still be in the database for a moment.
                Thread.Sleep(200 * attempt);
            }
            catch (PostgresException)
            {
                // A leftover test database harms no test: every site has its own.
                return;
            }
        }
    }

    private static string DatabaseName(string root) =>
        "paperlisting_test_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(root))))[..16];
}
