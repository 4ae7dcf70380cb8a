using System.Collections.Concurrent;
using Jint;
using Jint.Runtime;

namespace PaperListing.Web.Formulas;

/// <summary>
/// The site's own KaTeX (wwwroot/lib/katex/katex.min.js) run on the server by Jint, to MathML. The script is parsed
/// once; a Jint engine is not thread-safe, so each typesetting borrows one of a few pooled engines that have run it.
/// Every call is bounded in time, statements, recursion and memory: a formula KaTeX cannot read, or one that makes it
/// loop, gives null (the page then shows its TeX source) and never an error page.
/// </summary>
public sealed partial class KatexEngines : IDisposable
{
    /// <summary>Where the committed KaTeX is, below the web root.</summary>
    public const string ScriptPath = "lib/katex/katex.min.js";

    // output "mathml": MathML Core only, no style attributes (the Content-Security-Policy allows none); throwOnError so
    // an unreadable formula is known here and shown as its source rather than as KaTeX's red error markup.
    private const string TypesetFunction = """
        function typesetOnServer(tex, display) {
          return katex.renderToString(tex, { displayMode: display, throwOnError: true, output: "mathml", maxExpand: 500, maxSize: 20 });
        }
        """;

    // An interpreted call takes far more stack than a compiled one: KaTeX runs on a thread with room for its
    // recursion limit, so a deeply nested formula meets that limit instead of overflowing a request thread's stack.
    private const int StackBytes = 64 * 1024 * 1024;

    // Parsing KaTeX's 270 KB takes about a second: done once a process, however many sites it holds (tests hold many).
    private static readonly ConcurrentDictionary<string, Prepared<Acornima.Ast.Script>> Parsed = new(StringComparer.Ordinal);

    private readonly Prepared<Acornima.Ast.Script> _katex;
    private readonly Prepared<Acornima.Ast.Script> _typeset = Engine.PrepareScript(TypesetFunction);
    private readonly ConcurrentBag<(Engine Engine, EngineClock Clock)> _idle = [];
    private static readonly TimeSpan WaitForEngine = TimeSpan.FromSeconds(10);
    private readonly int _keep = Math.Clamp(Environment.ProcessorCount, 1, 8);
    private readonly SemaphoreSlim _engines;
    private readonly ILogger<KatexEngines> _log;

    public KatexEngines(IWebHostEnvironment environment, ILogger<KatexEngines> log)
        : this(ReadScript(environment), log)
    {
    }

    /// <summary>From KaTeX's script itself (tests read it from the web root of the source tree).</summary>
    internal KatexEngines(string katexScript, ILogger<KatexEngines> log)
    {
        _log = log;
        _engines = new SemaphoreSlim(_keep, _keep);
        _katex = Parsed.GetOrAdd(katexScript, script => Engine.PrepareScript(script, ScriptPath));
    }

    /// <summary>
    /// How long one formula may take before it is given up: a real one takes about 10 ms; the statement limit bounds
    /// the work whatever the machine's load, this the wall time.
    /// </summary>
    public TimeSpan Limit { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How deep KaTeX may call itself: real formulas stay far below it.</summary>
    public int RecursionLimit { get; init; } = 1_000;

    /// <summary>The formula's MathML (in KaTeX's <c>span.katex</c>), or null when KaTeX cannot typeset it within the limits.</summary>
    public string? Render(string tex, bool display) => Typeset(tex, display).Html;

    /// <summary>
    /// The formula's MathML, or null with <c>GaveUp</c> false when KaTeX cannot read it (for good) or true when it
    /// was stopped at a limit (on a busy machine a formula can be over time once and typeset the next time).
    /// </summary>
    public (string? Html, bool GaveUp) Typeset(string tex, bool display)
    {
        // At most as many engines as are kept: a burst of new formulas waits for one rather than starting dozens.
        if (!_engines.Wait(WaitForEngine))
        {
            return (null, true);
        }
        try
        {
            (string?, bool) result = (null, true);
            var worker = new Thread(() => result = RenderHere(tex, display), StackBytes) { IsBackground = true, Name = "KaTeX" };
            worker.Start();
            worker.Join();
            return result;
        }
        finally
        {
            _engines.Release();
        }
    }

    private (string?, bool) RenderHere(string tex, bool display)
    {
        (Engine Engine, EngineClock Clock)? borrowed = null;
        try
        {
            borrowed = _idle.TryTake(out var idle) ? idle : Start();
            borrowed.Value.Clock.Allowed = Limit;
            borrowed.Value.Engine.Constraints.Reset();
            var html = borrowed.Value.Engine.Invoke("typesetOnServer", tex, display).AsString();
            Return(borrowed.Value);
            return (html, false);
        }
        catch (JavaScriptException)
        {
            Return(borrowed!.Value); // KaTeX's own ParseError: the engine is as it was
            return (null, false);
        }
#pragma warning disable CA1031 // on this thread anything not caught would end the process; the formula is shown as its source
        catch (Exception e)
#pragma warning restore CA1031
        {
            // Stopped midway (time, statements, recursion, memory): this engine's state is not trusted again.
            GaveUp(_log, tex.Length, e.GetType().Name);
            return (null, true);
        }
    }

    private (Engine, EngineClock) Start()
    {
        // Running KaTeX's script once takes about half a second, more on a busy machine: it has time of its own.
        var clock = new EngineClock { Allowed = TimeSpan.FromSeconds(30) };
        var engine = new Engine(options => options
            .Constraint(clock)
            .MaxStatements(5_000_000)
            .LimitRecursion(RecursionLimit)
            .LimitMemory(64_000_000));
        engine.Execute(_katex);
        engine.Execute(_typeset);
        return (engine, clock);
    }

    private void Return((Engine, EngineClock) engine)
    {
        if (_idle.Count < _keep)
        {
            _idle.Add(engine);
        }
    }

    private static string ReadScript(IWebHostEnvironment environment)
    {
        using var stream = environment.WebRootFileProvider.GetFileInfo(ScriptPath).CreateReadStream();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public void Dispose() => _engines.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A formula of {Length} characters could not be typeset within the limits ({Reason}); its TeX source is shown")]
    private static partial void GaveUp(ILogger logger, int length, string reason);
}
