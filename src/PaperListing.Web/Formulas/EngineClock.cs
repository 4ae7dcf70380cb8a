using Jint;

namespace PaperListing.Web.Formulas;

/// <summary>A time limit for a Jint engine that can change between runs: long for loading KaTeX, short for each formula.</summary>
internal sealed class EngineClock : Constraint
{
    private long _deadline;

    public TimeSpan Allowed { get; set; }

    public override void Check()
    {
        if (Environment.TickCount64 > _deadline)
        {
            throw new TimeoutException($"Stopped after {Allowed.TotalMilliseconds} ms");
        }
    }

    // Called by the engine as each run starts.
    public override void Reset() => _deadline = Environment.TickCount64 + (long)Allowed.TotalMilliseconds;
}
