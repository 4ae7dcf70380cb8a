using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PaperListing.Web.Content;

/// <summary>
/// Markdown written by whoever deploys the site, rendered so nothing in it can inject markup or script: raw HTML is
/// shown as text, and links or images whose scheme is not http, https or mailto lose their address.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafe(link.Url))
            {
                link.ReplaceBy(new ContainerInline());
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafe(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>Relative addresses and the allowed schemes only; anything with another scheme (javascript:, data:) is not.</summary>
    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var boundary = url.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (boundary >= 0 && boundary < colon))
        {
            return true;
        }
        var scheme = url[..colon].Trim();
        return SafeSchemes.Any(s => string.Equals(s, scheme, StringComparison.OrdinalIgnoreCase));
    }
}
