using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PaperListing.Web.Papers;
using PaperListing.Web.Search;

namespace PaperListing.Web.Pages.Shared;

/// <summary>
/// Abstract text as HTML: each TeX formula in a <c>span.tex</c> holding its source (readable without JavaScript,
/// typeset by KaTeX with it), the text between encoded, and a search's words marked in the text only, so a
/// <c>&lt;mark&gt;</c> never splits a formula.
/// </summary>
public sealed class TexHtml(string text, SearchHighlight? highlight = null) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => Write(writer, encoder, text, highlight);

    public static void Write(TextWriter writer, HtmlEncoder encoder, string text, SearchHighlight? highlight)
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
            writer.Write(piece.IsDisplay ? "<span class=\"tex tex-display\">" : "<span class=\"tex\">");
            encoder.Encode(writer, piece.Text);
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
