using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PaperListing.Web.Formulas;
using PaperListing.Web.Papers;
using PaperListing.Web.Search;

namespace PaperListing.Web.Pages.Shared;

/// <summary>
/// Abstract text as HTML: each TeX formula typeset on the server as MathML in a <c>span.tex</c> (no script needed to
/// read it), or, when KaTeX cannot typeset it, its source as written in a <c>span.tex.tex-source</c>; the text between
/// encoded, and a search's words marked in the text only, so a <c>&lt;mark&gt;</c> never splits a formula.
/// </summary>
public sealed class TexHtml(string text, FormulaTypesetter formulas, SearchHighlight? highlight = null) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => Write(writer, encoder, text, formulas, highlight);

    public static void Write(TextWriter writer, HtmlEncoder encoder, string text, FormulaTypesetter formulas, SearchHighlight? highlight)
    {
        if (text.IndexOf('$') < 0 && text.IndexOf('\\') < 0)
        {
            Plain(writer, encoder, text, highlight); // the common case: no TeX at all
            return;
        }
        foreach (var piece in TexText.Split(text))
        {
            if (!piece.IsMath)
            {
                Plain(writer, encoder, piece.Text, highlight);
                continue;
            }
            var typeset = formulas.Typeset(TexText.Body(piece.Text), piece.IsDisplay);
            writer.Write(piece.IsDisplay ? "<span class=\"tex tex-display" : "<span class=\"tex");
            if (typeset is null)
            {
                writer.Write(" tex-source\">");
                encoder.Encode(writer, piece.Text);
            }
            else
            {
                writer.Write("\">");
                writer.Write(typeset); // KaTeX's markup: MathML, its TeX in an annotation, no style attribute
            }
            writer.Write("</span>");
        }
    }

    private static void Plain(TextWriter writer, HtmlEncoder encoder, string text, SearchHighlight? highlight)
    {
        if (highlight is null)
        {
            encoder.Encode(writer, text);
        }
        else
        {
            highlight.Html(text).WriteTo(writer, encoder);
        }
    }
}
