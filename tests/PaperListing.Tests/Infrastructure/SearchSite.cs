using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// Two listings made for search. "Tensor Studies" holds a paper matching "Razin tensor" in its abstract, an author
/// and a subject, one matching it in its abstract only, an abstract with markup in it, an author with an umlaut, and
/// 30 papers about graphs over six years and two fields; "Other Topics" holds a tensor paper and a graph paper of its own.
/// </summary>
public partial class SearchSite : SiteFactory
{
    public const string TensorSlug = "tensor-studies";
    public const string OtherSlug = "other-topics";
    public const string RichAbstract = "We study tensor factorization and the implicit bias it carries.";
    public const string AbstractOnly = "Razin showed that a tensor rank may stay low; we revisit the tensor claim and the Razin bound in tensor terms.";
    public const string MarkupAbstract = "Bold claims: <b>tensor</b> networks & <script>alert(1)</script> friends.";
    public const string UmlautAbstract = "Kernel methods for regression at a large scale.";
    public const string OtherTensorAbstract = "Graph neural networks meet tensor data in this other listing.";
    public const int GraphPapersInTensorStudies = 30;

    public SearchSite()
    {
        var tensors = new StringBuilder(Header("Tensor Studies", 34));
        tensors.Append(Entry(RichAbstract, "Tensor Methods · Mathematics 2021-03-01 Noam Razin , Nadav Cohen"));
        tensors.Append(Entry(AbstractOnly, "Optimization · Mathematics 2019-06-01 Ada Lovelace"));
        tensors.Append(Entry(MarkupAbstract, "Machine Learning · Computer Science 2020-02-02 Grace Hopper"));
        tensors.Append(Entry(UmlautAbstract, "Machine Learning · Statistics 2022-03-19 Max Schölpple , Ingo Steinwart"));
        for (var n = 1; n <= GraphPapersInTensorStudies; n++)
        {
            var subject = n % 3 == 0 ? "Combinatorics · Mathematics" : "Machine Learning · Computer Science";
            tensors.Append(Entry(string.Create(CultureInfo.InvariantCulture, $"Graph paper number {n} colours a graph with few colours."),
                string.Create(CultureInfo.InvariantCulture, $"{subject} {2015 + n % 6}-0{1 + n % 9}-{10 + n % 18} Author {n} , Shared Author")));
        }
        WithSeed("000_tensors.txt", tensors.ToString());
        var other = new StringBuilder(Header("Other Topics", 2));
        other.Append(Entry(OtherTensorAbstract, "Machine Learning · Computer Science 2018-05-05 Other Person"));
        other.Append(Entry("A graph of citations, drawn once more.", "Combinatorics · Mathematics 2014-01-01 Other Person"));
        WithSeed("001_other.txt", other.ToString());
    }

    private static string Header(string title, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"English\nRelated papers\n\nRelated papers: {title}\n\n{count} papers\n\n");

    private static string Entry(string @abstract, string metadata) => $"{@abstract}\n\n{metadata}\n\n";

    /// <summary>The abstracts shown, in order, as text.</summary>
    public static string[] Abstracts(IDocument page) =>
        page.QuerySelectorAll("article.paper [itemprop=abstract]").Select(a => a.TextContent).ToArray();

    /// <summary>The number a results page says it found ("12 results for …", "3 papers", "No results …"), or null when it says nothing.</summary>
    public static int? ResultCount(IDocument page)
    {
        var text = page.QuerySelector(".result-count")?.TextContent ?? "";
        if (text.StartsWith("No results", StringComparison.Ordinal))
        {
            return 0;
        }
        var quote = text.IndexOf('"', StringComparison.Ordinal);
        var match = FirstNumber().Match(quote < 0 ? text : text[..quote]);
        return match.Success ? int.Parse(match.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\d[\d,]*")]
    private static partial Regex FirstNumber();
}
