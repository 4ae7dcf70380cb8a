using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Pages.Shared;

/// <summary>
/// A paper's "Select" checkbox, for making a reading list: inside a GET form to /list (<c>pick-form</c>), the ticked
/// papers of a page become the list's <c>p</c> parameters; with JavaScript, ticks are kept across pages
/// (wwwroot/js/lists.js). The paper's label is said to screen readers, so each box is told apart.
/// </summary>
public sealed class PaperPickHtml(PaperCard paper, string select) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => Write(writer, encoder, paper.PublicId, paper.Label.Quoted, select);

    /// <summary>Writes the checkbox; <paramref name="select"/> is the localised "Select", looked up once per page, and <paramref name="quotedLabel"/> the paper's <see cref="PaperLabel.Quoted"/>.</summary>
    public static void Write(TextWriter writer, HtmlEncoder encoder, string publicId, string quotedLabel, string select)
    {
        writer.Write("<label class=\"pick\"><input class=\"pick-box\" type=\"checkbox\" name=\"p\" value=\"");
        encoder.Encode(writer, publicId);
        writer.Write("\"> ");
        encoder.Encode(writer, select);
        writer.Write("<span class=\"visually-hidden\"> ");
        encoder.Encode(writer, quotedLabel);
        writer.Write("</span></label>\n");
    }
}
