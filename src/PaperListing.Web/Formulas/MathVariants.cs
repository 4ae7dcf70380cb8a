using System.Text;
using System.Text.RegularExpressions;

namespace PaperListing.Web.Formulas;

/// <summary>
/// KaTeX's MathML as MathML Core browsers draw it. Chromium ignores <c>mathvariant</c> other than "normal", so
/// <c>\mathbb{E}</c>, <c>\mathcal{O}</c> or <c>\boldsymbol{\theta}</c> would show as plain letters: their letters
/// become Unicode's mathematical alphanumerics (𝔼, 𝒪, 𝜽), as MathML Core asks. And a function name such as
/// <c>\log</c> gets TeX's thin spaces around it, which Chromium does not add.
/// </summary>
public static partial class MathVariants
{
    [GeneratedRegex("<(mi|mn)( mathvariant=\"([a-z-]+)\")>([^<]+)</(?:mi|mn)>")]
    private static partial Regex Variant();

    [GeneratedRegex("(</mi>|</mn>|</msub>|</msup>|</msubsup>|\\)</mo>)(<mi>[^<]{2,}</mi><mo>\u2061</mo>)")]
    private static partial Regex NameAfterOperand();

    private const string ThinSpace = "<mspace width=\"0.1667em\"></mspace>";

    public static string ForBrowsers(string mathMl)
    {
        if (mathMl.Contains("mathvariant=", StringComparison.Ordinal))
        {
            mathMl = Variant().Replace(mathMl, m => Mapped(m.Groups[3].Value, m.Groups[4].Value) is { } letters
                ? $"<{m.Groups[1].Value}>{letters}</{m.Groups[1].Value}>"
                : m.Value);
        }
        if (mathMl.Contains("<mo>\u2061</mo>", StringComparison.Ordinal))
        {
            mathMl = NameAfterOperand().Replace(mathMl, "$1" + ThinSpace + "$2")
                .Replace("<mo>\u2061</mo>", "<mo rspace=\"0.1667em\">\u2061</mo>", StringComparison.Ordinal);
        }
        return mathMl;
    }

    /// <summary>The text in the variant's letters, or null when the variant is drawn as it is ("normal") or a character has no such letter.</summary>
    private static string? Mapped(string variant, string text)
    {
        if (variant == "normal" || !Blocks.TryGetValue(variant, out var block))
        {
            return null;
        }
        var mapped = new StringBuilder();
        foreach (var c in text)
        {
            var code = Letter(block, c);
            if (code < 0)
            {
                return null;
            }
            mapped.Append(char.ConvertFromUtf32(code));
        }
        return mapped.ToString();
    }

    private static int Letter((int Latin, int Digits, int Greek) block, char c)
    {
        if (Holes.TryGetValue((block.Latin, c), out var hole))
        {
            return hole;
        }
        return c switch
        {
            >= 'A' and <= 'Z' => block.Latin + (c - 'A'),
            >= 'a' and <= 'z' => block.Latin + 26 + (c - 'a'),
            >= '0' and <= '9' when block.Digits > 0 => block.Digits + (c - '0'),
            >= '\u0391' and <= '\u03A9' when block.Greek > 0 => block.Greek + (c - '\u0391'),
            >= '\u03B1' and <= '\u03C9' when block.Greek > 0 => block.Greek + 26 + (c - '\u03B1'),
            _ => -1,
        };
    }

    // Where each variant's A, 0 and Α start in Mathematical Alphanumeric Symbols (U+1D400–U+1D7FF); 0 where it has none.
    private static readonly Dictionary<string, (int Latin, int Digits, int Greek)> Blocks = new(StringComparer.Ordinal)
    {
        ["bold"] = (0x1D400, 0x1D7CE, 0x1D6A8),
        ["italic"] = (0x1D434, 0, 0x1D6E2),
        ["bold-italic"] = (0x1D468, 0, 0x1D71C),
        ["script"] = (0x1D49C, 0, 0),
        ["bold-script"] = (0x1D4D0, 0, 0),
        ["fraktur"] = (0x1D504, 0, 0),
        ["double-struck"] = (0x1D538, 0x1D7D8, 0),
        ["bold-fraktur"] = (0x1D56C, 0, 0),
        ["sans-serif"] = (0x1D5A0, 0x1D7E2, 0),
        ["bold-sans-serif"] = (0x1D5D4, 0x1D7EC, 0x1D756),
        ["sans-serif-italic"] = (0x1D608, 0, 0),
        ["sans-serif-bold-italic"] = (0x1D63C, 0, 0x1D790),
        ["monospace"] = (0x1D670, 0x1D7F6, 0),
    };

    // Letters Unicode had before the block (Letterlike Symbols): the block leaves their places empty.
    private static readonly Dictionary<(int, char), int> Holes = new()
    {
        [(0x1D434, 'h')] = 0x210E,
        [(0x1D49C, 'B')] = 0x212C, [(0x1D49C, 'E')] = 0x2130, [(0x1D49C, 'F')] = 0x2131, [(0x1D49C, 'H')] = 0x210B,
        [(0x1D49C, 'I')] = 0x2110, [(0x1D49C, 'L')] = 0x2112, [(0x1D49C, 'M')] = 0x2133, [(0x1D49C, 'R')] = 0x211B,
        [(0x1D49C, 'e')] = 0x212F, [(0x1D49C, 'g')] = 0x210A, [(0x1D49C, 'o')] = 0x2134,
        [(0x1D504, 'C')] = 0x212D, [(0x1D504, 'H')] = 0x210C, [(0x1D504, 'I')] = 0x2111, [(0x1D504, 'R')] = 0x211C, [(0x1D504, 'Z')] = 0x2128,
        [(0x1D538, 'C')] = 0x2102, [(0x1D538, 'H')] = 0x210D, [(0x1D538, 'N')] = 0x2115, [(0x1D538, 'P')] = 0x2119,
        [(0x1D538, 'Q')] = 0x211A, [(0x1D538, 'R')] = 0x211D, [(0x1D538, 'Z')] = 0x2124,
    };
}
