using System.Data.Common;

namespace PaperListing.Web.Importing;

/// <summary>Prepared commands of one transaction, reused by their SQL text: the import runs a few statements millions of times.</summary>
public sealed class SqlBatch(DbConnection connection, DbTransaction transaction) : IDisposable
{
    public DbConnection Connection => connection;
    public DbTransaction Transaction => transaction;

    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public int Execute(string sql, params (string Name, object? Value)[] parameters) => Prepare(sql, parameters).ExecuteNonQuery();

    public T Scalar<T>(string sql, params (string Name, object? Value)[] parameters) where T : struct =>
        ScalarOrNull<T>(sql, parameters) ?? throw new InvalidOperationException($"No value from: {sql}");

    public T? ScalarOrNull<T>(string sql, params (string Name, object? Value)[] parameters) where T : struct
    {
        var value = Prepare(sql, parameters).ExecuteScalar();
        return value is null or DBNull ? null : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public DbDataReader Reader(string sql, params (string Name, object? Value)[] parameters) => Prepare(sql, parameters).ExecuteReader();

    public List<T> Column<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        var values = new List<T>();
        using var reader = Prepare(sql, parameters).ExecuteReader();
        while (reader.Read())
        {
            values.Add((T)Convert.ChangeType(reader.GetValue(0), typeof(T), System.Globalization.CultureInfo.InvariantCulture));
        }
        return values;
    }

    /// <summary>
    /// Runs SQL whose text changes on every call (rows written as literals), on one reused command with no parameters,
    /// or with the values given in order for its parameters @p0, @p1 …
    /// </summary>
    public DbCommand Text(string sql, int parameterCount = 0)
    {
        _text ??= connection.CreateCommand();
        _text.Transaction = transaction;
        _text.CommandText = sql;
        if (_text.Parameters.Count > parameterCount)
        {
            // Cleared rather than trimmed: Npgsql's name lookup of a large collection goes stale when parameters are
            // removed one by one, and a parameter added again by the same name is then not found.
            _text.Parameters.Clear();
        }
        while (_text.Parameters.Count < parameterCount)
        {
            var parameter = _text.CreateParameter();
            parameter.ParameterName = $"@p{_text.Parameters.Count}";
            _text.Parameters.Add(parameter);
        }
        return _text;
    }

    public int ExecuteText(string sql) => Text(sql).ExecuteNonQuery();

    /// <summary>"{prefix}(@p0, @p1), (@p2, @p3) …{suffix}" for <paramref name="rows"/> rows of <paramref name="columns"/> parameters.</summary>
    public static string ValuesText(string prefix, int rows, int columns, string suffix)
    {
        var text = new System.Text.StringBuilder(prefix, prefix.Length + rows * columns * 7 + suffix.Length);
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns; column++)
            {
                text.Append(column == 0 ? "@p" : ", @p").Append(row * columns + column);
            }
            text.Append(')');
        }
        return text.Append(suffix).ToString();
    }

    private DbCommand? _text;

    private DbCommand Prepare(string sql, (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            _commands[sql] = command;
        }
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        }
        return command;
    }

    public void Dispose()
    {
        _text?.Dispose();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }
}
