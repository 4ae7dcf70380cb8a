using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;
using PaperListing.Web.Papers;

namespace PaperListing.Web.Search;

/// <summary>
/// The papers most alike a paper in their text, by the database's full-text index: the paper's most distinctive
/// words (those the fewest other papers hold, from <see cref="SearchTermCounts"/>) are searched for, any of them, by
/// their stems, and the papers holding the most of them, where a search weighs them (authors, subjects, abstract),
/// come first. Two index reads, however many papers there are; the same papers give the same list.
/// </summary>
public sealed class SimilarPapers(IPaperSearch search, Index.PaperIndex index)
{
    /// <summary>The most papers a list shows.</summary>
    public const int Shown = 10;

    /// <summary>The words searched for: enough to find papers sharing a topic, few enough for a short query.</summary>
    public const int WordsUsed = 12;

    /// <summary>
    /// The most index entries the words chosen may hold together (the sum of their counts of papers): what bounds the
    /// work of ranking, whatever the number of papers. The rarest words come first, so a common word is the one left out.
    /// </summary>
    public const int MaxEntriesRead = 5_000;

    /// <summary>
    /// The same bound for the search index, which ranks a word's papers far faster: enough for the rarest words of a
    /// paper of common words only, at a million papers, to be searched (and the rarest is always searched).
    /// </summary>
    public const int MaxEntriesReadByIndex = 30_000;

    public async Task<List<PaperCard>> FindAsync(PapersDbContext db, PaperCard paper, CancellationToken cancellationToken)
    {
        using (var lease = await index.AcquireAsync(db, cancellationToken))
        {
            if (lease is not null)
            {
                var words = await DistinctiveStemsAsync(db, paper, MaxEntriesReadByIndex, cancellationToken, rarestAlways: true);
                var ids = Index.IndexSimilar.Find(lease.Searcher, words, paper.Id, Shown);
                return await PaperCards.LoadAsync(db, await SearchResults.RowsAsync(db, ids, cancellationToken), cancellationToken);
            }
        }
        var stems = await DistinctiveStemsAsync(db, paper, MaxEntriesRead, cancellationToken);
        if (stems.Count == 0)
        {
            return [];
        }
        var matches = search.MatchesAny(db, stems).Where(m => m.PaperId != paper.Id);
        var rows = await (from m in matches
                          join p in db.Papers.AsNoTracking() on m.PaperId equals p.Id
                          orderby m.Rank, p.PublicId
                          select new PaperCards.PaperRow(p.Id, p.PublicId, p.Title, p.Abstract, p.Published))
            .Take(Shown).ToListAsync(cancellationToken);
        return await PaperCards.LoadAsync(db, rows, cancellationToken);
    }

    /// <summary>
    /// The stems of the paper's words that other papers hold too, rarest first (ties in word order), at most
    /// <see cref="WordsUsed"/> and <paramref name="maxEntries"/> entries: a word of this paper alone finds nothing,
    /// and a word of every paper tells nothing. With <paramref name="rarestAlways"/> the rarest word is taken whatever its count.
    /// </summary>
    public static async Task<List<string>> DistinctiveStemsAsync(PapersDbContext db, PaperCard paper, int maxEntries, CancellationToken cancellationToken,
        bool rarestAlways = false)
    {
        var words = DocumentTerms.WordsOf(paper.Abstract, string.Join(' ', paper.Authors.Select(a => a.Name)),
                string.Join(' ', paper.Subjects.Select(s => $"{s.Name} {s.FieldName}")))
            .Where(w => w.Length >= SearchPhrases.MinPrefixLength).ToList();
        if (words.Count == 0)
        {
            return [];
        }
        var counts = await db.Database.SqlQueryRaw<TermCount>("""SELECT "Term", "Papers" FROM "SearchTerms" """)
            .Where(t => words.Contains(t.Term))
            .ToListAsync(cancellationToken);
        var stems = new List<string>();
        var entries = 0;
        foreach (var count in counts.Where(c => c.Papers >= 2).OrderBy(c => c.Papers).ThenBy(c => c.Term, StringComparer.Ordinal))
        {
            entries += count.Papers;
            if (stems.Count == WordsUsed || (entries > maxEntries && (stems.Count > 0 || !rarestAlways)))
            {
                break;
            }
            var stem = WordStems.Stem(count.Term);
            if (!stems.Contains(stem, StringComparer.Ordinal))
            {
                stems.Add(stem);
            }
        }
        return stems;
    }
}
