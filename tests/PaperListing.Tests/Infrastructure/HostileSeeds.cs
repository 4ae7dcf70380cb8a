namespace PaperListing.Tests.Infrastructure;

/// <summary>A dump nobody checked: markup, script, event handlers, javascript: links, bidi controls and a giant line.</summary>
public static class HostileSeeds
{
    public const string FileName = "900_hostile.txt";
    public const string ScriptAbstract = "<script>alert('abstract')</script> Abstract with <img src=x onerror=alert(2)> and <a href=\"javascript:alert(3)\">a link</a>";
    public const string BidiAbstract = "Bidi: \u202Eevil\u202C, \u2066isolate\u2069, \u200Emark\u200F, \u061Carabic mark, \u202Aembed\u202B\u202D end…";
    public const int GiantLineChars = 200_000;

    /// <summary>Every bidirectional control the site must not pass on, raw.</summary>
    public static readonly char[] BidiControls =
        ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

    public static string Dump() =>
        "English\n\nRelated papers\n\n" +
        "Related papers: <script>alert('title')</script> Tricky \u202EListing\u202C\n\n3 papers\n\n" +
        $"{ScriptAbstract}…\n\n" +
        "Machine Learning · Computer Science 2020-10-20 <b onmouseover=alert(4)>Eve</b> , \u202EMallory\u202C Smith , javascript:alert(5)\n\n" +
        $"{BidiAbstract}\n\n" +
        "Machine Learning · Statistics 2021-01-02 Bob \u2067Bidi\u2069\n\n" +
        "Giant " + new string('A', 1000) + "<script>alert('giant')</script>" + new string('B', GiantLineChars) + "…\n\n" +
        "Machine Learning · Computer Science 2022-03-04 Carol\0 Null\n";
}
