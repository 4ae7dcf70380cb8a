using System.Globalization;
using System.Text;
using PaperListing.Web.Search;

namespace PaperListing.Tests.Search;

/// <summary>
/// The words and stems the import makes for a paper while parsing are those the index made from its text before:
/// the same distinct folded words, the same stems, the same counts. The reference below is the rule written out
/// plainly (split on letters, digits, marks and private use; fold through the Unicode decomposition).
/// </summary>
public sealed class DocumentTermsTests
{
    private static readonly (string Abstract, string Authors, string Subjects)[] Samples =
    [
        ("Tensors of LOW rank, revisited: a Schölpple–Ångström study.", "Jürgen Schölpple Zoë Ångström", "Machine Learning Computer Science"),
        ("深層学習による画像認識の研究。カタカナ ひらがな 漢字 ＦＵＬＬ ｗｉｄｔｈ", "山田 太郎 鈴木 花子", "Computer Vision Computer Science"),
        (@"We show $\alpha_{i}^{2} + \beta \leq \frac{1}{2}$ for \mathcal{O}(n \log n) and x^2-y^2.", "Ada Lovelace", "Mathematics Mathematics"),
        ("Well-known state-of-the-art non-linear self-supervised re-ranking; e-mail x-ray.", "Jean-Pierre Serre", "Number Theory Mathematics"),
        ("THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG 1234 ABC123 iPhone McDonald", "O'Brien D'Angelo", "Physics Physics"),
        ("Pneumonoultramicroscopicsilicovolcanoconiosis and " + new string('a', 40) + " and " + new string('b', 41) + " and " + new string('C', 300),
            "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeitbeschutzen", ""),
        ("İstanbul ıi ß straße ǅemal ﬁne ﬂow Ω ℃ ² ½ ①, naïve café coöperate résumé", "Ñoño Øre Łukasz Đorđe", "Économie Sciences"),
        ("Emoji 😀 and math 𝔄𝔅 𝑥 and private \uE000\uE001 and marks a\u0301\u0302 and Hangul 한국어 and Arabic العربية and Greek Ελληνικά", "", ""),
        ("", "", ""),
        ("  \t\n ... --- ''' \"\" ", "-", "·"),
    ];

    public static TheoryData<string, string, string> Texts => new(Samples);

    [Theory]
    [MemberData(nameof(Texts))]
    public void TheWordsAndStemsAreThoseOfTheText(string abstractText, string authors, string subjects)
    {
        var terms = DocumentTerms.Of(abstractText, authors, subjects);

        Assert.Equal(ReferenceWords(abstractText, authors, subjects), terms.Words);
        Assert.Equal(ReferenceStems(abstractText), terms.AbstractStems);
        Assert.Equal(ReferenceStems(authors), terms.AuthorStems);
        Assert.Equal(ReferenceStems(subjects), terms.SubjectStems);
        Assert.Equal(WordStems.OfText(abstractText), terms.AbstractStems);
        Assert.Equal(terms.Words, SearchTermCounts.WordsOf(new SearchDocument(1, abstractText, authors, subjects)));
    }

    [Fact]
    public void CountsAreTheSameWithTermsMadeBeforeOrNot()
    {
        var made = Samples.Select((t, i) => new SearchDocument(i, t.Abstract, t.Authors, t.Subjects, DocumentTerms.Of(t.Abstract, t.Authors, t.Subjects))).ToList();
        var plain = Samples.Select((t, i) => new SearchDocument(i, t.Abstract, t.Authors, t.Subjects)).ToList();

        Assert.Equal(SearchTermCounts.Count(plain), SearchTermCounts.Count(made));
        Assert.Equal(plain, made);
    }

    [Fact]
    public void ACopyWithOtherTextHasItsOwnTerms()
    {
        var document = new SearchDocument(1, "tensors", "", "", DocumentTerms.Of("tensors", "", ""));

        var copy = document with { Abstract = "graphs" };

        Assert.Equal(["graphs"], copy.Terms.Words);
        Assert.Equal("graph", copy.Terms.AbstractStems);
    }

    [Fact]
    public void EveryAsciiCharacterFoldsAndSplitsAsTheGeneralRuleHasIt()
    {
        for (var c = (char)0; c < 128; c++)
        {
            Assert.Equal(SearchWords.FoldAny([c]), SearchWords.Fold([c]));
            var text = $"a{c}b";
            Assert.Equal(ReferenceSplit(text), SearchWords.Split(text).Select(w => text.Substring(w.Start, w.Length)));
        }
    }

    [Fact]
    public void AsciiWordsFoldAsTheGeneralFoldDoes()
    {
        var random = new Random(20261202);
        const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (var n = 0; n < 20_000; n++)
        {
            var length = random.Next(1, n % 100 == 0 ? 400 : 30);
            var word = new char[length];
            for (var i = 0; i < length; i++)
            {
                // Mostly word characters, now and then any ASCII at all.
                word[i] = random.Next(10) == 0 ? (char)random.Next(128) : letters[random.Next(letters.Length)];
            }
            Assert.Equal(SearchWords.FoldAny(word), SearchWords.Fold(word));
        }
    }

    private static List<string> ReferenceWords(params string[] texts)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var word in ReferenceSplit(text).Select(w => SearchWords.FoldAny(w)).Where(w => w.Length <= SearchTermCounts.MaxTermLength))
            {
                words.Add(word);
            }
        }
        return [.. words];
    }

    private static string ReferenceStems(string text) => string.Join(' ', ReferenceSplit(text).Select(w => WordStems.Stem(SearchWords.FoldAny(w))));

    private static List<string> ReferenceSplit(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var at = char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]) ? i - 1 : i;
            if (char.IsLetterOrDigit(text, at) || CharUnicodeInfo.GetUnicodeCategory(text, at) is UnicodeCategory.NonSpacingMark or UnicodeCategory.PrivateUse)
            {
                word.Append(text[i]);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words;
    }
}
