using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace PaperListing.Web.Configuration;

/// <summary>
/// ConnectionStrings:Papers, read for the chosen engine: a SQLite file is made absolute (from the content root) and
/// its folder created; a PostgreSQL string must parse and name a host. A string that does not fits stops the app at
/// startup with a message naming the setting.
/// </summary>
public static class DatabaseConnectionString
{
    private const string Setting = "ConnectionStrings:Papers";

    public static string Resolve(DatabaseOptions options, string? connectionString, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "";
        }
        if (options.IsPostgres)
        {
            return Postgres(connectionString);
        }
        return string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase) ? Sqlite(connectionString, environment) : connectionString;
    }

    private static string Postgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            throw Invalid($"{Setting} is not a valid PostgreSQL connection string: {ex.Message}");
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw Invalid($"{Setting} must name a Host for Database:Provider Postgres (e.g. Host=db;Database=papers;Username=site;Password=…)");
        }
        return builder.ConnectionString;
    }

    private static string Sqlite(string connectionString, IHostEnvironment environment)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw Invalid($"{Setting} is not a valid SQLite connection string: {ex.Message}");
        }
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal)
            && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(file, environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }

    private static OptionsValidationException Invalid(string message) => new(Setting, typeof(DatabaseOptions), [message]);
}
