namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// A listing of 20 abstracts full of TeX (83 formulas, inline and display, in all four delimiters), as a page of an
/// arXiv-heavy listing reads: kept in tests/seeds/ so the browser tests and the Lighthouse measurement
/// (docs/lighthouse.md) use the same page.
/// </summary>
public static class FormulaSeed
{
    public const string FileName = "020_formulas.txt";
    public const string Slug = "formulas-everywhere";

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Seeds", FileName);
}
