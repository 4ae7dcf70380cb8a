namespace PaperListing.SeedGenerator;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by its seed on every runtime and machine, so the same seed
/// number always writes the same bytes (System.Random makes no such promise across versions).
/// </summary>
public sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A number in [0, <paramref name="count"/>).</summary>
    public int Next(int count) => (int)(NextDouble() * count);

    /// <summary>A number in [0, <paramref name="count"/>), small numbers far more often: a few authors and subjects are everywhere.</summary>
    public int NextSkewed(int count, double skew) => Math.Min(count - 1, (int)(Math.Pow(NextDouble(), skew) * count));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
