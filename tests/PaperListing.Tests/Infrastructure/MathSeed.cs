namespace PaperListing.Tests.Infrastructure;

/// <summary>A listing whose abstracts hold TeX as arXiv abstracts do: inline and display formulas in all four delimiters, and a literal dollar.</summary>
public static class MathSeed
{
    public const string Slug = "math-in-abstracts";
    public const string FileName = "020_math.txt";

    public static readonly string[] Abstracts =
    [
        "We prove that SGD converges at rate $\\mathcal{O}(1/\\sqrt{T})$ for smooth non-convex objectives. The constant depends on $L$ and $\\sigma^2$, and the bound is tight: $$\\min_{t \\le T} \\mathbb{E}\\|\\nabla f(x_t)\\|^2 \\le \\frac{C}{\\sqrt{T}}.$$ Training costs \\$0.02 per epoch on our cluster.",
        "Tensor decompositions of rank \\(r\\) recover the factors when \\(n \\ge r^2\\). We show the sample complexity \\[ m = \\Theta(n r \\log n) \\] is optimal, matching the lower bound for tensor completion.",
    ];

    public static string Dump() =>
        "English\nRelated papers\n\nRelated papers: Math in Abstracts\n\n2 papers\n\n" +
        $"{Abstracts[0]}\n\nMachine Learning · Computer Science 2021-04-02 Ada Lovelace , Alan Turing\n\n" +
        $"{Abstracts[1]}\n\nStatistics Theory · Mathematics 2019-11-20 Grace Hopper , Edsger Dijkstra , Barbara Liskov\n\n" +
        "‹ Prev 1 Next ›";
}
