using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Localization;
using PaperListing.Web.Search;

namespace PaperListing.Web.Pages.Shared;

/// <summary>
/// The cards of a page of papers, written straight into the page: every list shows twenty, so they are written as
/// code rather than as a partial view per card (a view lookup, activation and view data each). Text is encoded
/// with the page's encoder; on a page of search results the words found are marked.
/// </summary>
public sealed class PaperCardHtml(PaperListView list, HttpRequest request, IStringLocalizer localizer, SearchHighlight? highlight) : IHtmlContent
{
    private const string ArticleStart = "        <li><article class=\"paper\" id=\"";

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        // The localised words are looked up once per page, not once per card.
        var paperPage = localizer["Paper page"].Value;
        var paperPageLabel = localizer["Paper page: {0}"].Value;
        var select = localizer["Select"].Value;
        var pathBase = request.PathBase.Value ?? "";
        for (var n = 0; n < list.Papers.Count; n++)
        {
            var paper = list.Papers[n];
            writer.Write(ArticleStart);
            encoder.Encode(writer, paper.PublicId);
            writer.Write("\" itemscope itemtype=\"https://schema.org/ScholarlyArticle\">\n    <link itemprop=\"url\" href=\"");
            var href = SiteLinks.Paper(request, paper.PublicId, paper.Slug);
            encoder.Encode(writer, href);
            writer.Write("\">\n");
            if (list.Pickable)
            {
                PaperPickHtml.Write(writer, encoder, paper, select);
            }
            if (paper.Title is not null)
            {
                writer.Write("        <h2 class=\"paper-title\" itemprop=\"name\"><a href=\"");
                encoder.Encode(writer, href);
                writer.Write("\">");
                encoder.Encode(writer, paper.Title);
                writer.Write("</a></h2>\n");
            }
            writer.Write("    <p class=\"abstract\" itemprop=\"abstract\">");
            Text(writer, encoder, paper.Abstract);
            writer.Write("</p>\n    <p class=\"meta\">\n");
            if (paper.Subjects.Count > 0)
            {
                writer.Write("            <span class=\"subjects\">\n");
                for (var i = 0; i < paper.Subjects.Count; i++)
                {
                    var subject = paper.Subjects[i];
                    writer.Write(i > 0 ? " · <span itemprop=\"about\"><a href=\"" : "<span itemprop=\"about\"><a href=\"");
                    SubjectHref(writer, encoder, pathBase, subject.Slug);
                    writer.Write("\">");
                    Text(writer, encoder, subject.Name);
                    writer.Write("</a>");
                    if (subject.FieldName.Length > 0)
                    {
                        writer.Write(" · <a href=\"");
                        SubjectHref(writer, encoder, pathBase, subject.FieldSlug);
                        writer.Write("\">");
                        Text(writer, encoder, subject.FieldName);
                        writer.Write("</a>");
                    }
                    writer.Write("</span>\n");
                }
                writer.Write("            </span>\n");
            }
            if (paper.Published is { } published)
            {
                writer.Write("            <time itemprop=\"datePublished\" datetime=\"");
                writer.Write(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.Write("\">");
                encoder.Encode(writer, SiteCultures.FormatDate(published));
                writer.Write("</time>\n");
            }
            if (paper.Authors.Count > 0)
            {
                writer.Write("            <span class=\"authors\">");
                for (var i = 0; i < paper.Authors.Count; i++)
                {
                    writer.Write(i > 0
                        ? "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">, <a itemprop=\"url\" href=\""
                        : "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><a itemprop=\"url\" href=\"");
                    encoder.Encode(writer, pathBase);
                    writer.Write("/authors/");
                    encoder.Encode(writer, Uri.EscapeDataString(paper.Authors[i].Slug));
                    writer.Write("\"><span itemprop=\"name\">");
                    Text(writer, encoder, paper.Authors[i].Name);
                    writer.Write("</span></a></span>");
                }
                writer.Write("</span>\n");
            }
            writer.Write("        <a class=\"permalink\" href=\"");
            encoder.Encode(writer, href);
            writer.Write("\" aria-label=\"");
            encoder.Encode(writer, string.Format(CultureInfo.CurrentCulture, paperPageLabel, paper.Label.Quoted));
            writer.Write("\">");
            encoder.Encode(writer, paperPage);
            writer.Write("</a>\n    </p>\n</article>\n</li>\n");
        }
    }

    /// <summary>Paper text: as plain text, or with the words a search found marked.</summary>
    private void Text(TextWriter writer, HtmlEncoder encoder, string text)
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

    /// <summary>As <see cref="SiteLinks.Subject"/> for page 1, written without building the string.</summary>
    private static void SubjectHref(TextWriter writer, HtmlEncoder encoder, string pathBase, string slug)
    {
        encoder.Encode(writer, pathBase);
        writer.Write("/subjects/");
        encoder.Encode(writer, Uri.EscapeDataString(slug));
    }
}
