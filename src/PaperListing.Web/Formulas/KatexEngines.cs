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
public sealed partial class KatexEngines
{
    /// <summary>Where the committed KaTeX is, below the web root.</summary>
    public const string ScriptPath = "lib/katex/katex.min.js";

    // output "mathml": MathML Core only, no style attributes (the Content-Security-Policy allows none); throwOnError so
    // an unreadable formula is known here and shown as its source rather than as KaTeX's red error markup.
    private const string Typeset = """
        function typesetOnServer(tex, display) {
          return katex.renderToString(tex, { displayMode: display, throwOnError: true, output: "mathml", maxExpand: 500, maxSize: 20 });
        }
        """;

    // Parsing KaTeX's 270 KB takes about a second: done once a process, however many sites it holds (tests hold many).
    private static readonly ConcurrentDictionary<string, Prepared<Acornima.Ast.Script>> Parsed = new(StringComparer.Ordinal);
    private readonly Prepared<Acornima.Ast.Script> _katex;
    private readonly Prepared<Acornima.Ast.Script> _typeset = Engine.PrepareScript(Typeset);
    private readonly ConcurrentBag<Engine> _idle = [];
    private readonly int _keep = Math.Clamp(Environment.ProcessorCount, 1, 8);
    private readonly ILogger<KatexEngines> _log;

    public KatexEngines(IWebHostEnvironment environment, ILogger<KatexEngines> log)
        : this(ReadScript(environment), log)
    {
    }

    /// <summary>From KaTeX's script itself (tests read it from the web root of the source tree).</summary>
    internal KatexEngines(string katexScript, ILogger<KatexEngines> log)
    {
        _log = log;
        _katex = Parsed.GetOrAdd(katexScript, script => Engine.PrepareScript(script, ScriptPath));
    }

    private static string ReadScript(IWebHostEnvironment environment)
    {
        using var stream = environment.WebRootFileProvider.GetFileInfo(ScriptPath).CreateReadStream();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>How long one formula may take before it is given up (KaTeX needs well under 50 ms for a real one).</summary>
    public TimeSpan Limit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The formula's MathML (in KaTeX's <c>span.katex</c>), or null when KaTeX cannot typeset it within the limits.</summary>
    public string? Render(string tex, bool display)
    {
        var engine = _idle.TryTake(out var idle) ? idle : Start();
        try
        {
            engine.Constraints.Reset();
            var html = engine.Invoke("typesetOnServer", tex, display).AsString();
            Return(engine);
            return html;
        }
        catch (JavaScriptException)
        {
            Return(engine); // KaTeX's own ParseError: the engine is as it was
            return null;
        }
        catch (Exception e) when (e is TimeoutException or StatementsCountOverflowException or MemoryLimitExceededException
                                      or RecursionDepthOverflowException or JavaScriptException or InvalidOperationException)
        {
            // Stopped midway: this engine's state is not trusted again.
            GaveUp(_log, tex.Length, e.GetType().Name);
            return null;
        }
    }

    private Engine Start()
    {
        var engine = new Engine(options => options
            .TimeoutInterval(Limit)
            .MaxStatements(5_000_000)
            .LimitRecursion(2_000)
            .LimitMemory(64_000_000));
        engine.Execute(_katex);
        engine.Execute(_typeset);
        return engine;
    }

    private void Return(Engine engine)
    {
        if (_idle.Count < _keep)
        {
            _idle.Add(engine);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A formula of {Length} characters could not be typeset within the limits ({Reason}); its TeX source is shown")]
    private static partial void GaveUp(ILogger logger, int length, string reason);
}
