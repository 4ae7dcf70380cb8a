namespace PaperListing.Web.Importing;

/// <summary>
/// Every paper's place in the order of the author, subject and field lists: newest first, undated last, then by
/// address. Sorted once by the database (so the order is the engine's own, as a query's ORDER BY gives it) and held as
/// two arrays of whole numbers: the rank of each paper id, and the paper id at each rank.
/// </summary>
internal sealed class PaperOrder
{
    public const string OrderBy = """("Published" IS NULL), "Published" DESC, "PublicId" """;

    private readonly int[] _rankOf;
    private readonly int[] _paperAt;

    private PaperOrder(int[] rankOf, int[] paperAt)
    {
        _rankOf = rankOf;
        _paperAt = paperAt;
    }

    /// <summary>The paper's rank, or -1 for an id no paper has.</summary>
    public int RankOf(int paperId) => (uint)paperId < (uint)_rankOf.Length ? _rankOf[paperId] : -1;

    public int PaperAt(int rank) => _paperAt[rank];

    public static PaperOrder Read(SqlBatch sql)
    {
        var maxId = sql.ScalarOrNull<int>("""SELECT MAX("Id") FROM "Papers" """) ?? 0;
        var count = sql.Scalar<int>("""SELECT COUNT(*) FROM "Papers" """);
        var rankOf = new int[maxId + 1];
        Array.Fill(rankOf, -1);
        var paperAt = new int[count];
        var rank = 0;
        using (var reader = sql.Reader($"""SELECT "Id" FROM "Papers" ORDER BY {OrderBy}"""))
        {
            while (reader.Read() && rank < count)
            {
                var id = reader.GetInt32(0);
                rankOf[id] = rank;
                paperAt[rank++] = id;
            }
        }
        return new PaperOrder(rankOf, paperAt);
    }
}
