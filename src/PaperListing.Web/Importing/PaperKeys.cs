using PaperListing.Web.Papers;

namespace PaperListing.Web.Importing;

/// <summary>
/// Every stored paper's content hash and address, held in memory for the import (about 70 MB for a million papers),
/// so that telling a new paper from a known one, and a free address from a taken one, needs no query. New papers get
/// their ids here. Changes since the last commit are journalled, so a rolled-back file leaves the keys as they were.
/// </summary>
internal sealed class PaperKeys
{
    private readonly Dictionary<ContentKey, int> _ids;
    private readonly HashSet<long> _shortIds;
    private readonly HashSet<string> _longIds = new(StringComparer.Ordinal);
    private readonly List<(bool Added, string Hash, string PublicId, int Id)> _journal = [];
    private int _nextId;
    private int _committedNextId;

    private PaperKeys(int capacity, int nextId)
    {
        _ids = new Dictionary<ContentKey, int>(capacity);
        _shortIds = new HashSet<long>(capacity);
        _nextId = _committedNextId = nextId;
    }

    public int Count => _ids.Count;

    /// <summary>Reads the keys of every stored paper.</summary>
    public static PaperKeys Load(SqlBatch sql)
    {
        var count = sql.Scalar<int>("""SELECT COUNT(*) FROM "Papers" """);
        var keys = new PaperKeys(count, sql.Scalar<int>("""SELECT COALESCE(MAX("Id"), 0) + 1 FROM "Papers" """));
        using var reader = sql.Text("""SELECT "Id", "ContentHash", "PublicId" FROM "Papers" """).ExecuteReader();
        while (reader.Read())
        {
            keys.Put(reader.GetString(1), reader.GetString(2), reader.GetInt32(0));
        }
        return keys;
    }

    public bool TryGet(string contentHash, out int id) => _ids.TryGetValue(ContentKey.Of(contentHash), out id);

    /// <summary>Gives a new paper its id and its address: the short one, or a longer one when another paper holds it.</summary>
    public (int Id, string PublicId) Add(string contentHash)
    {
        var publicId = StablePaperId.FromContentHash(contentHash);
        for (var length = StablePaperId.ShortLength + 2; IsTaken(publicId); length += 2)
        {
            publicId = StablePaperId.FromContentHash(contentHash, length);
        }
        var id = _nextId++;
        Put(contentHash, publicId, id);
        _journal.Add((true, contentHash, publicId, id));
        return (id, publicId);
    }

    public void Remove(string contentHash, string publicId, int id)
    {
        Take(contentHash, publicId);
        _journal.Add((false, contentHash, publicId, id));
    }

    public void Commit()
    {
        _journal.Clear();
        _committedNextId = _nextId;
    }

    public void Rollback()
    {
        for (var i = _journal.Count - 1; i >= 0; i--)
        {
            var (added, hash, publicId, id) = _journal[i];
            if (added)
            {
                Take(hash, publicId);
            }
            else
            {
                Put(hash, publicId, id);
            }
        }
        _journal.Clear();
        _nextId = _committedNextId;
    }

    private bool IsTaken(string publicId) =>
        ShortValue(publicId) is { } value ? _shortIds.Contains(value) : _longIds.Contains(publicId);

    private void Put(string contentHash, string publicId, int id)
    {
        _ids[ContentKey.Of(contentHash)] = id;
        if (ShortValue(publicId) is { } value)
        {
            _shortIds.Add(value);
        }
        else
        {
            _longIds.Add(publicId);
        }
    }

    private void Take(string contentHash, string publicId)
    {
        _ids.Remove(ContentKey.Of(contentHash));
        if (ShortValue(publicId) is { } value)
        {
            _shortIds.Remove(value);
        }
        else
        {
            _longIds.Remove(publicId);
        }
    }

    /// <summary>A short address as a number (10 base32 digits are 50 bits): a million of them fit in a few MB.</summary>
    private static long? ShortValue(string publicId)
    {
        if (publicId.Length != StablePaperId.ShortLength)
        {
            return null;
        }
        long value = 0;
        foreach (var c in publicId)
        {
            var digit = StablePaperId.DigitValue(c);
            if (digit < 0)
            {
                return null;
            }
            value = (value << 5) | (long)digit;
        }
        return value;
    }

    /// <summary>A SHA-256 as four numbers: a quarter of the memory of its hex text, compared in full.</summary>
    private readonly record struct ContentKey(ulong A, ulong B, ulong C, ulong D)
    {
        public static ContentKey Of(string hex)
        {
            Span<byte> bytes = stackalloc byte[32];
            if (hex.Length != 64 || Convert.FromHexString(hex, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
            {
                throw new ArgumentException($"\"{hex}\" is not a SHA-256 in hex", nameof(hex));
            }
            return new ContentKey(
                System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
                System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
                System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
                System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
        }
    }
}
