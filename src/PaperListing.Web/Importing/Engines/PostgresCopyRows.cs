using System.Globalization;
using System.Text;
using Npgsql;

namespace PaperListing.Web.Importing.Engines;

/// <summary>
/// Rows of whole numbers written with PostgreSQL's COPY (text format) rather than INSERT statements: the server
/// neither parses nor plans a statement per batch, and the rows travel as plain lines. A COPY holds the connection
/// while it runs, so rows are gathered and sent in one COPY per <see cref="RowsPerCopy"/> rows and at each flush,
/// inside the import's transaction.
/// </summary>
internal sealed class PostgresCopyRows(SqlBatch sql, string table, string[] columns) : IRowWriter
{
    /// <summary>Rows a COPY carries at most: a few hundred kilobytes of text.</summary>
    public const int RowsPerCopy = 20_000;

    private readonly string _copy = $"""COPY "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN""";
    private readonly StringBuilder _lines = new();
    private int _rows;

    public void Add(params ReadOnlySpan<long> row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (i > 0)
            {
                _lines.Append('\t');
            }
            _lines.Append(row[i].ToString(CultureInfo.InvariantCulture));
        }
        _lines.Append('\n');
        if (++_rows == RowsPerCopy)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (_rows == 0)
        {
            return;
        }
        var connection = (NpgsqlConnection)sql.Connection;
        using (var writer = connection.BeginTextImport(_copy))
        {
            foreach (var chunk in _lines.GetChunks())
            {
                writer.Write(chunk.Span);
            }
        }
        _lines.Clear();
        _rows = 0;
    }
}
