using Microsoft.EntityFrameworkCore;
using PaperListing.Web.Data;

namespace PaperListing.Web.Search;

/// <summary>What a suggestion is: an author, a category or field, or a word of the papers.</summary>
public enum SuggestionKind
{
    Author,
    Subject,
    Word,
}

/// <summary>A suggestion: the text to search for, and the page of the author or subject it names (null for a word).</summary>
public sealed record Suggestion(SuggestionKind Kind, string Text, string? Slug);

/// <summary>
/// Suggestions while a person types in the search box: authors and subjects whose names hold a word starting with
/// what was typed (the words typed in order, the last one unfinished), then words of the papers starting with the
/// last word typed, most common first, each after the words typed before it. Every name and word suggested exists
/// in the papers. The words are one indexed range of the word counts; names are found by their addresses.
/// </summary>
public static class SearchSuggestions
{
    /// <summary>Letters and digits to type before anything is suggested.</summary>
    public const int MinLength = 2;

    public const int MaxShown = 8;
    private const int MaxAuthors = 3;
    private const int MaxSubjects = 2;

    public static async Task<List<Suggestion>> ForAsync(PapersDbContext db, Index.PaperIndex index, string typed, CancellationToken cancellationToken)
    {
        var words = SearchWords.Split(typed).Select(w => w.Folded).ToList();
        if (words.Sum(w => w.Length) < MinLength)
        {
            return [];
        }
        // Names are found by their addresses, which are their folded words joined by hyphens.
        var start = string.Join('-', words);
        var inside = "-" + start;
        var suggestions = new List<Suggestion>();
        List<(string Name, string Slug)> authors;
        using (var lease = await index.AcquireAsync(db, cancellationToken))
        {
            // The search index holds the authors' names; the database finds them only by reading every author's address.
            authors = lease is not null ? Index.AuthorNames.Find(lease.Names, words, MaxAuthors) : (await db.Authors.AsNoTracking()
                .Where(a => a.Slug.StartsWith(start) || a.Slug.Contains(inside))
                .Select(a => new { a.Name, a.Slug, Papers = db.PaperAuthors.Count(pa => pa.AuthorId == a.Id) })
                .OrderByDescending(a => a.Papers).ThenBy(a => a.Slug)
                .Take(MaxAuthors).ToListAsync(cancellationToken)).Select(a => (a.Name, a.Slug)).ToList();
        }
        suggestions.AddRange(authors.Select(a => new Suggestion(SuggestionKind.Author, a.Name, a.Slug)));
        var categories = await db.Subjects.AsNoTracking()
            .Where(s => s.Slug.StartsWith(start) || s.Slug.Contains(inside))
            .OrderBy(s => s.Slug).Select(s => new Suggestion(SuggestionKind.Subject, s.Name, s.Slug))
            .Take(MaxSubjects).ToListAsync(cancellationToken);
        var fields = await db.Fields.AsNoTracking()
            .Where(f => f.Name != "" && (f.Slug.StartsWith(start) || f.Slug.Contains(inside)))
            .OrderBy(f => f.Slug).Select(f => new Suggestion(SuggestionKind.Subject, f.Name, f.Slug))
            .Take(MaxSubjects).ToListAsync(cancellationToken);
        suggestions.AddRange(fields.Concat(categories).DistinctBy(s => s.Text).Take(MaxSubjects));
        var last = words[^1];
        var before = string.Join(' ', words.Take(words.Count - 1));
        var upper = last[..^1] + (char)(last[^1] + 1);
        var terms = await db.Database.SqlQueryRaw<TermCount>("""SELECT "Term", "Papers" FROM "SearchTerms" """)
            .Where(t => string.Compare(t.Term, last) >= 0 && string.Compare(t.Term, upper) < 0)
            .OrderByDescending(t => t.Papers).ThenBy(t => t.Term)
            .Take(MaxShown).ToListAsync(cancellationToken);
        foreach (var term in terms)
        {
            var text = before.Length == 0 ? term.Term : $"{before} {term.Term}";
            if (suggestions.Count < MaxShown && !suggestions.Any(s => string.Equals(SearchWords.Fold(s.Text), text, StringComparison.Ordinal)))
            {
                suggestions.Add(new Suggestion(SuggestionKind.Word, text, null));
            }
        }
        return suggestions;
    }
}
