using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace PaperListing.Web.Search;

/// <summary>
/// Marks where a search's phrases occur in a text, safely: the text is HTML-encoded piece by piece and only the
/// <c>&lt;mark&gt;</c> elements are markup, so an abstract holding "&lt;b&gt;" shows it as text. Matching follows
/// <see cref="SearchWords"/>, the index's own rule, and <see cref="WordStems"/>, so what is marked is what was found:
/// a search for "tensor" marks "tensors", and "regulariz", the last word typed, marks "regularization".
/// </summary>
public sealed class SearchHighlight(SearchPhrases phrases)
{
    /// <summary>Where the pages of a search leave it for the paper cards (a view-data key).</summary>
    public const string ViewDataKey = "PaperListing.SearchHighlight";

    /// <summary>As the site writes text: every script as characters, not numeric entities.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public IHtmlContent Html(string text)
    {
        var words = SearchWords.Split(text);
        var html = new StringBuilder(text.Length + 32);
        var done = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var length = LongestPhraseAt(words, i);
            if (length == 0)
            {
                continue;
            }
            var start = words[i].Start;
            var end = words[i + length - 1].Start + words[i + length - 1].Length;
            html.Append(Encoder.Encode(text[done..start])).Append("<mark>").Append(Encoder.Encode(text[start..end])).Append("</mark>");
            done = end;
            i += length - 1;
        }
        html.Append(Encoder.Encode(text[done..]));
        return new HtmlString(html.ToString());
    }

    private int LongestPhraseAt(List<SearchWords.Word> words, int at)
    {
        var longest = 0;
        for (var p = 0; p < phrases.Phrases.Count; p++)
        {
            var phrase = phrases.Phrases[p];
            if (phrase.Count > longest && at + phrase.Count <= words.Count && Matches(p, words, at))
            {
                longest = phrase.Count;
            }
        }
        return longest;
    }

    /// <summary>Whether phrase <paramref name="p"/> starts at word <paramref name="at"/>: each word as typed or by its stem, the very last also by its start.</summary>
    private bool Matches(int p, List<SearchWords.Word> words, int at)
    {
        var phrase = phrases.Phrases[p];
        var prefixAt = p == phrases.Phrases.Count - 1 && phrases.LastIsPrefix ? phrase.Count - 1 : -1;
        for (var j = 0; j < phrase.Count; j++)
        {
            var folded = words[at + j].Folded;
            var found = string.Equals(phrase[j], folded, StringComparison.Ordinal)
                || string.Equals(phrases.Stems[p][j], WordStems.Stem(folded), StringComparison.Ordinal)
                || (j == prefixAt && folded.StartsWith(phrase[j], StringComparison.Ordinal));
            if (!found)
            {
                return false;
            }
        }
        return true;
    }
}
