using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using PaperListing.Web.Exports;
using PaperListing.Web.Formulas;
using PaperListing.Web.Localization;
using PaperListing.Web.Papers;
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

    // A category and its field as named things (schema.org DefinedTerm in a DefinedTermSet), not one joined string.
    private const string SubjectStart = "<span itemprop=\"about\" itemscope itemtype=\"https://schema.org/DefinedTerm\"><a itemprop=\"url\" href=\"";
    private const string FieldStart = " · <span itemprop=\"inDefinedTermSet\" itemscope itemtype=\"https://schema.org/DefinedTermSet\"><a itemprop=\"url\" href=\"";

    private readonly FormulaTypesetter _formulas = request.HttpContext.RequestServices.GetRequiredService<FormulaTypesetter>();

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        // The localised words are looked up once per page, not once per card.
        var words = new CardWords(localizer);
        var pathBase = request.PathBase.Value ?? "";
        for (var n = 0; n < list.Papers.Count; n++)
        {
            var paper = list.Papers[n];
            // A card's slug and label are each made once: both normalise the start of the abstract.
            var href = SiteLinks.Paper(request, paper.PublicId, paper.Slug);
            var label = paper.Label.Quoted;
            writer.Write(ArticleStart);
            encoder.Encode(writer, paper.PublicId);
            writer.Write("\" itemscope itemtype=\"https://schema.org/ScholarlyArticle\">\n    <link itemprop=\"url\" href=\"");
            encoder.Encode(writer, href);
            writer.Write("\">\n    <span class=\"position\">");
            writer.Write((list.FirstPosition + n + 1).ToString("N0", CultureInfo.CurrentCulture));
            writer.Write("</span>\n");
            Heading(writer, encoder, paper, href);
            writer.Write("    <p class=\"meta\">\n");
            Authors(writer, encoder, pathBase, paper);
            Subjects(writer, encoder, pathBase, paper);
            if (paper.Published is { } published)
            {
                // <data value>, not <time datetime>: reference managers take a page's first <time datetime> for its date.
                writer.Write("            <data itemprop=\"datePublished\" value=\"");
                writer.Write(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.Write("\">");
                encoder.Encode(writer, SiteCultures.FormatDate(published));
                writer.Write("</data>\n");
            }
            writer.Write("    </p>\n");
            Actions(writer, encoder, paper, href, label, words);
            Coins(writer, encoder, paper, href);
            writer.Write("</article>\n</li>\n");
        }
    }

    /// <summary>
    /// The heading, linking to the paper page: its title when the source gives one, else the abstract's own first
    /// sentence, with the snippet going on after it (no word added or repeated).
    /// </summary>
    private void Heading(TextWriter writer, HtmlEncoder encoder, PaperCard paper, string href)
    {
        var headingStart = $"        <h2 class=\"paper-title\" id=\"{encoder.Encode(paper.PublicId)}-h\"";
        if (paper.Title is not null)
        {
            writer.Write(headingStart);
            writer.Write(" itemprop=\"name\"><a class=\"permalink\" href=\"");
            encoder.Encode(writer, href);
            writer.Write("\">");
            Text(writer, encoder, paper.Title);
            writer.Write("</a></h2>\n    <p class=\"abstract\" itemprop=\"abstract\">");
            Text(writer, encoder, paper.Abstract);
            writer.Write("</p>\n");
            return;
        }
        var sentence = FirstSentence.Of(paper.Abstract);
        // One element holds the abstract for microdata: the heading's text, a space, the rest.
        writer.Write("    <div class=\"abstract\" itemprop=\"abstract\">");
        writer.Write(headingStart.TrimStart());
        writer.Write("><a class=\"permalink\" href=\"");
        encoder.Encode(writer, href);
        writer.Write("\">");
        Text(writer, encoder, sentence.First);
        writer.Write("</a></h2>");
        if (sentence.Rest.Length > 0)
        {
            writer.Write(" <p class=\"snippet\">");
            Text(writer, encoder, sentence.Rest);
            writer.Write("</p>");
        }
        writer.Write("</div>\n");
    }

    private void Authors(TextWriter writer, HtmlEncoder encoder, string pathBase, PaperCard paper)
    {
        if (paper.Authors.Count == 0)
        {
            return;
        }
        writer.Write("            <span class=\"authors\">");
        for (var i = 0; i < paper.Authors.Count; i++)
        {
            writer.Write(i > 0
                ? "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">, <a itemprop=\"url\" href=\""
                : "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><a itemprop=\"url\" href=\"");
            encoder.Encode(writer, pathBase);
            writer.Write("/authors/");
            encoder.Encode(writer, Uri.EscapeDataString(paper.Authors[i].Slug));
            var current = paper.Authors[i].Slug == list.CurrentAuthorSlug;
            writer.Write(current ? "\" class=\"current\"><span itemprop=\"name\">" : "\"><span itemprop=\"name\">");
            Text(writer, encoder, paper.Authors[i].Name);
            writer.Write("</span></a></span>");
        }
        writer.Write("</span>\n");
    }

    private void Subjects(TextWriter writer, HtmlEncoder encoder, string pathBase, PaperCard paper)
    {
        if (paper.Subjects.Count == 0)
        {
            return;
        }
        writer.Write("            <span class=\"subjects\">\n");
        for (var i = 0; i < paper.Subjects.Count; i++)
        {
            var subject = paper.Subjects[i];
            writer.Write(i > 0 ? "\n · " : "");
            writer.Write(SubjectStart);
            SubjectHref(writer, encoder, pathBase, subject.Slug);
            writer.Write(subject.Slug == list.CurrentSubjectSlug ? "\" class=\"current\"><span itemprop=\"name\">" : "\"><span itemprop=\"name\">");
            Text(writer, encoder, subject.Name);
            writer.Write("</span></a>");
            if (subject.FieldName.Length > 0)
            {
                writer.Write(FieldStart);
                SubjectHref(writer, encoder, pathBase, subject.FieldSlug);
                writer.Write(subject.FieldSlug == list.CurrentSubjectSlug ? "\" class=\"current\"><span itemprop=\"name\">" : "\"><span itemprop=\"name\">");
                Text(writer, encoder, subject.FieldName);
                writer.Write("</span></a></span>");
            }
            writer.Write("</span>");
        }
        writer.Write("</span>\n"); // no space before the separator the stylesheet puts after the subjects
    }

    /// <summary>
    /// The card's actions row. Without JavaScript each is a plain link (the paper's address, its .bib); the script
    /// turns the ones marked data-copy into buttons that copy. Further per-card actions belong in this row.
    /// </summary>
    private void Actions(TextWriter writer, HtmlEncoder encoder, PaperCard paper, string href, string label, CardWords words)
    {
        writer.Write("    <p class=\"actions\">\n        <a class=\"copy\" data-copy=\"link\" data-copy-label=\"");
        encoder.Encode(writer, words.CopyLink);
        writer.Write("\" data-copied=\"");
        encoder.Encode(writer, words.LinkCopied);
        writer.Write("\" aria-describedby=\"");
        encoder.Encode(writer, paper.PublicId);
        writer.Write("-h\" href=\"");
        encoder.Encode(writer, href);
        writer.Write("\">");
        encoder.Encode(writer, words.Link);
        writer.Write("</a>\n        <a class=\"copy\" data-copy=\"bibtex\" data-copy-label=\"");
        encoder.Encode(writer, words.CopyBibTex);
        writer.Write("\" data-copied=\"");
        encoder.Encode(writer, words.BibTexCopied);
        writer.Write("\" aria-describedby=\"");
        encoder.Encode(writer, paper.PublicId);
        writer.Write("-h\" type=\"application/x-bibtex\" href=\"");
        encoder.Encode(writer, SiteLinks.PaperBibTex(request, paper.PublicId));
        writer.Write("\">BibTeX</a>\n        <a class=\"similar-link\" href=\"");
        encoder.Encode(writer, href + SiteLinks.SimilarSection);
        writer.Write("\" aria-label=\"");
        encoder.Encode(writer, string.Format(CultureInfo.CurrentCulture, words.SimilarLabel, label));
        writer.Write("\">");
        encoder.Encode(writer, words.Similar);
        writer.Write("</a>\n");
        if (list.Pickable)
        {
            writer.Write("        ");
            PaperPickHtml.Write(writer, encoder, paper.PublicId, label, words.Select);
        }
        writer.Write("    </p>\n");
    }

    /// <summary>The words of the actions row, looked up once per page.</summary>
    private sealed class CardWords(IStringLocalizer localizer)
    {
        public string Link { get; } = localizer["Link"];
        public string CopyLink { get; } = localizer["Copy link"];
        public string LinkCopied { get; } = localizer["Link copied"];
        public string CopyBibTex { get; } = localizer["Copy BibTeX"];
        public string BibTexCopied { get; } = localizer["BibTeX copied"];
        public string Similar { get; } = localizer["Similar"];
        public string SimilarLabel { get; } = localizer["Papers similar to: {0}"];
        public string Select { get; } = localizer["Select"];
    }

    /// <summary>The paper as a COinS span, so that a reference manager offers each paper of a list as an item of its own.</summary>
    private void Coins(TextWriter writer, HtmlEncoder encoder, PaperCard paper, string href)
    {
        if (OpenUrlCoins.IsLeftOut(request.HttpContext))
        {
            return;
        }
        writer.Write("    <span class=\"" + OpenUrlCoins.ClassName + "\" title=\"");
        OpenUrlCoins.WriteAttribute(writer, paper, SiteLinks.Absolute(request, href));
        writer.Write("\"></span>\n");
    }

    /// <summary>Paper text: formulas typeset whole, and on a search page the words found marked.</summary>
    private void Text(TextWriter writer, HtmlEncoder encoder, string text)
    {
        TexHtml.Write(writer, encoder, text, _formulas, highlight);
    }

    /// <summary>As <see cref="SiteLinks.Subject"/> for page 1, written without building the string.</summary>
    private static void SubjectHref(TextWriter writer, HtmlEncoder encoder, string pathBase, string slug)
    {
        encoder.Encode(writer, pathBase);
        writer.Write("/subjects/");
        encoder.Encode(writer, Uri.EscapeDataString(slug));
    }
}
