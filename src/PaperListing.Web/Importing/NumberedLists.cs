namespace PaperListing.Web.Importing;

/// <summary>
/// One kind's lists (every author's papers, say) as rows in the key's order: owner, position from 0 within the owner,
/// paper. Held as one whole number per row, the owner and the paper's rank packed together, so millions of rows cost
/// eight bytes each and sort as numbers; a paper that an owner holds twice is counted once.
/// </summary>
public sealed class NumberedLists
{
    private readonly long[] _keys;
    private readonly int _count;
    private readonly PaperOrder _order;

    private NumberedLists(long[] keys, int count, PaperOrder order)
    {
        _keys = keys;
        _count = count;
        _order = order;
    }

    /// <summary>How many rows: distinct (owner, paper) pairs.</summary>
    public int Count => _count;

    public IEnumerable<(int Owner, int Position, int Paper)> Rows()
    {
        var owner = -1;
        var position = 0;
        for (var i = 0; i < _count; i++)
        {
            var key = _keys[i];
            var keyOwner = (int)(key >> 32);
            position = keyOwner == owner ? position + 1 : 0;
            owner = keyOwner;
            yield return (owner, position, _order.PaperAt((int)key));
        }
    }

    /// <summary>
    /// Reads (owner id, paper id) pairs and numbers each owner's papers in <paramref name="order"/>; with
    /// <paramref name="ownerOfOwner"/> (a subject's field), the lists of those owners too, from the same rows.
    /// </summary>
    internal static (NumberedLists Lists, NumberedLists? OwnersLists) Read(SqlBatch sql, string table, string ownerColumn, PaperOrder order, int[]? ownerOfOwner)
    {
        // Sized for the table's rows at once: grown by doubling, the arrays of a million papers' subjects held the old
        // and the new copy at the same time, the import's peak memory (bench/notes.md).
        var rows = (int)Math.Min(Array.MaxLength, Math.Max(1, sql.Column<long>($"""SELECT COUNT(*) FROM "{table}" """)[0]));
        var pairsQuery = $"""SELECT "{ownerColumn}", "PaperId" FROM "{table}" """;
        var keys = new long[rows];
        var outer = ownerOfOwner is null ? null : new long[rows];
        var count = 0;
        using (var reader = sql.Reader(pairsQuery))
        {
            while (reader.Read())
            {
                var owner = reader.GetInt32(0);
                var rank = order.RankOf(reader.GetInt32(1));
                if (rank < 0 || owner < 0)
                {
                    continue;
                }
                if (count == keys.Length)
                {
                    Array.Resize(ref keys, count * 2);
                    if (outer is not null)
                    {
                        Array.Resize(ref outer, count * 2);
                    }
                }
                keys[count] = Pack(owner, rank);
                if (outer is not null)
                {
                    var second = (uint)owner < (uint)ownerOfOwner!.Length ? ownerOfOwner[owner] : -1;
                    // An owner without one (no such subject) sorts first and is left out by Sorted.
                    outer[count] = second < 0 ? -1 : Pack(second, rank);
                }
                count++;
            }
        }
        return (Sorted(keys, count, order), outer is null ? null : Sorted(outer, count, order));
    }

    private static long Pack(int owner, int rank) => ((long)owner << 32) | (uint)rank;

    private static NumberedLists Sorted(long[] keys, int count, PaperOrder order)
    {
        Array.Sort(keys, 0, count);
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (keys[i] >= 0 && (kept == 0 || keys[i] != keys[kept - 1]))
            {
                keys[kept++] = keys[i];
            }
        }
        return new NumberedLists(keys, kept, order);
    }
}
