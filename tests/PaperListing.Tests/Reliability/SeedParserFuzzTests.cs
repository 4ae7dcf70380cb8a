using System.Diagnostics;
using System.Text;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Importing.Parsing;

namespace PaperListing.Tests.Reliability;

/// <summary>
/// The parser over random bytes and thousands of damaged copies of the real seed (fixed seed, so a failure replays):
/// it always answers, within a bound, with text free of invisible controls.
/// </summary>
public sealed class SeedParserFuzzTests
{
    public const int Seed = 20261128;
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(5);

    private static readonly byte[][] Insertions =
    [
        "\r"u8.ToArray(), "\r\n"u8.ToArray(), [0xEF, 0xBB, 0xBF], [0], [0xFF, 0xFE], [0xC0, 0xAE], Encoding.UTF8.GetBytes("\u202E"),
        Encoding.UTF8.GetBytes("\u2066x\u2069"), Encoding.UTF8.GetBytes("Related papers: "), Encoding.UTF8.GetBytes("2020-13-45 "),
        Encoding.UTF8.GetBytes(" · "), Encoding.UTF8.GetBytes(" , "), Encoding.UTF8.GetBytes("‹ Prev 1 2 Next ›"), "…"u8.ToArray(),
        Encoding.UTF8.GetBytes(new string('·', 5000)), Encoding.UTF8.GetBytes(new string('1', 3000)),
        Encoding.UTF8.GetBytes("Machine Learning · " + string.Concat(Enumerable.Repeat("A · ", 400)) + "2020-01-01 X"),
    ];

    [Fact]
    public async Task RandomBytes_AlwaysParse()
    {
        var random = new Random(Seed);
        var inputs = Enumerable.Range(0, 1500).Select(_ =>
        {
            var bytes = new byte[random.Next(0, random.Next(2) == 0 ? 512 : 70_000)];
            random.NextBytes(bytes);
            return bytes;
        });

        var figures = await ParseAllAsync(inputs);

        TestContext.Current.TestOutputHelper?.WriteLine($"random bytes: {figures}");
    }

    [Fact]
    public async Task DamagedRealSeeds_AlwaysParse()
    {
        var random = new Random(Seed);
        var seed = await File.ReadAllBytesAsync(TestSeeds.RealSeedPath);
        var inputs = Enumerable.Range(0, 3000).Select(_ => Damage(seed, random, random.Next(1, 8)));

        var figures = await ParseAllAsync(inputs);

        TestContext.Current.TestOutputHelper?.WriteLine($"damaged seeds: {figures}");
    }

    private static async Task<string> ParseAllAsync(IEnumerable<byte[]> inputs)
    {
        int count = 0, headers = 0, entries = 0, diagnostics = 0;
        var slowest = TimeSpan.Zero;
        foreach (var input in inputs)
        {
            var clock = Stopwatch.StartNew();
            var parse = Task.Run(() => SeedFileParser.Parse(input), TestContext.Current.CancellationToken);
            var finished = await Task.WhenAny(parse, Task.Delay(HangBound, TestContext.Current.CancellationToken));
            Assert.True(finished == parse, $"parse of input {count} ({input.Length} bytes) still running after {HangBound.TotalSeconds} s");
            var result = await parse;
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            AssertWellFormed(result);
            count++;
            headers += result.Header is null ? 0 : 1;
            entries += result.Entries.Count;
            diagnostics += result.Diagnostics.Count;
        }
        return $"{count} inputs, {headers} read as dumps, {entries} entries, {diagnostics} diagnostics, slowest {slowest.TotalMilliseconds:0} ms";
    }

    private static void AssertWellFormed(SeedParseResult result)
    {
        Assert.True(result.Header is not null || result.FileError is not null, "neither a header nor a file error");
        var texts = result.Entries.SelectMany(e => e.Authors.Append(e.Abstract).Concat(e.Subjects.SelectMany(s => new[] { s.Category, s.Field })));
        if (result.Header is { } header)
        {
            Assert.NotEmpty(header.Title);
            texts = texts.Append(header.Title);
        }
        foreach (var text in texts)
        {
            Assert.False(text.Any(InvisibleControls.IsInvisibleControl), $"an invisible control in \"{text[..Math.Min(text.Length, 80)]}\"");
        }
        Assert.All(result.Entries, e => Assert.InRange(e.Abstract.Length, 1, SeedLineReader.MaxLineBytes));
        Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 0 && d.Reason.Length > 0));
    }

    /// <summary>A copy of the seed with a few random kinds of damage: bit flips, lost, doubled or cut lines, stray bytes, a giant line.</summary>
    private static byte[] Damage(byte[] seed, Random random, int times)
    {
        var bytes = new List<byte>(seed);
        for (var i = 0; i < times && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, LineLength(bytes, at)));
                    break;
                case 2:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, LineLength(bytes, at))));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    bytes.InsertRange(at, Insertions[random.Next(Insertions.Length)]);
                    break;
                case 5:
                    bytes.InsertRange(at, Enumerable.Repeat((byte)'x', random.Next(60_000, 200_000)));
                    break;
                default:
                    bytes.Insert(at, (byte)'\n');
                    break;
            }
        }
        return [.. bytes];
    }

    private static int LineLength(List<byte> bytes, int from)
    {
        var end = bytes.IndexOf((byte)'\n', from);
        return (end < 0 ? bytes.Count : end + 1) - from;
    }
}
