namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// A dump whose papers hold what citation formats find hard: TeX and LaTeX's special characters, dash and quote
/// pairs, emoji, right-to-left text, names with particles, suffixes, a single name and names in CJK scripts, and a
/// paper with neither date nor authors. Served beside the real seed by <see cref="CitationSite"/>.
/// </summary>
public static class CitationSeeds
{
    public const string Slug = "citation-characters";

    public const string Text = """
        English
        Related papers

        Related papers: Citation Characters

        4 papers

        We bound $\|W\|_2^{1/2}$ -- and sometimes --- the loss ~ 50% of runs & #3 on \emph{toy} data_sets, with {braces} and a \ backslash. Then more text follows…

        Machine Learning · Computer Science 2019-03-07 Ludwig van der Waals , José María de la Cruz , Guido Van Rossum , Ursula K. Le Guin , Christophe De Vleeschouwer

        Is ``quoting'' safe, or ?` and !` and <<guillemets>>? Emoji 🧪🙂 and עברית עם ערבית مرحبا stay as they are…

        Machine Learning · Statistics 2020-01-02 Aristotle , 山田 太郎 , 王小明 , Martin Luther King Jr. , Hung-Hsu Chou

        An abstract with neither a date nor authors, said in one sentence that goes on for a while so that it is long enough to be cut somewhere sensible when it becomes the supplied title of the paper, which is what the site does with a first sentence longer than two hundred characters.

        A lone author whose family and given names both have several words.

        Machine Learning · Statistics 2021-06-30 José María de la Cruz

        ‹ Prev 1 Next ›
        """;
}
