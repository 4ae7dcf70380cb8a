using System.Globalization;
using System.Text;

namespace PaperListing.Web.Importing;

/// <summary>
/// Buffers rows of whole numbers (ids and positions) for one table and writes them many to a statement, as literals:
/// the import writes millions of such rows, and both a statement per row and hundreds of named parameters per
/// statement (matched by name on every execution) would cost more than the rows themselves. Numbers formatted by the
/// invariant culture cannot inject anything; the SQL is plain and every database speaks it.
/// </summary>
internal sealed class RowInserter : IRowWriter
{
    /// <summary>Rows per statement: enough to amortise a statement, few enough to keep its text small.</summary>
    public const int RowsPerStatement = 500;

    private readonly SqlBatch _sql;
    private readonly string _prefix;
    private readonly StringBuilder _text = new();
    private int _rows;

    public RowInserter(SqlBatch sql, string table, params string[] columns)
    {
        _sql = sql;
        _prefix = $"""INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES """;
        _text.Append(_prefix);
    }

    public void Add(params ReadOnlySpan<long> row)
    {
        _text.Append(_rows == 0 ? "(" : ", (");
        for (var i = 0; i < row.Length; i++)
        {
            // Formatted straight into the text, with no string per number.
            _text.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"{row[i]}");
        }
        _text.Append(')');
        if (++_rows == RowsPerStatement)
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
        _sql.ExecuteText(_text.ToString());
        _text.Clear().Append(_prefix);
        _rows = 0;
    }
}
