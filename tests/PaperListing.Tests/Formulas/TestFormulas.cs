using Microsoft.Extensions.Logging.Abstractions;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Formulas;

namespace PaperListing.Tests.Formulas;

/// <summary>The site's own committed KaTeX, run as the site runs it, shared by the tests (an engine takes a while to start).</summary>
public static class TestFormulas
{
    public static readonly string KatexScript = File.ReadAllText(
        Path.Combine(OutsideComponent.RepositoryRoot, "src", "PaperListing.Web", "wwwroot", KatexEngines.ScriptPath));

    public static readonly FormulaTypesetter Typesetter = new(new KatexEngines(KatexScript, NullLogger<KatexEngines>.Instance));
}
