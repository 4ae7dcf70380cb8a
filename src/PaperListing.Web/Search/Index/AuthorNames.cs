using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace PaperListing.Web.Search.Index;

/// <summary>
/// The authors' names, one document per author, for suggestions while typing: an author whose name holds the words
/// typed, in order, the last one unfinished (as the database finds it in the author's address), the authors of the
/// most papers first. Written beside the papers' index from the counts gathered while it is written.
/// </summary>
public static class AuthorNames
{
    private const string Words = "words";
    private const string Name = "name";
    private const string Slug = "slug";
    private const string Papers = "papers";

    /// <summary>Counts each author's papers as the papers go by, to be written once they have all been seen.</summary>
    public sealed class Tally
    {
        private readonly Dictionary<int, (string Name, string Slug, int Papers)> _authors = [];

        public void Add(IndexedPaper paper)
        {
            foreach (var (id, name, slug) in paper.Authors.DistinctBy(a => a.Id))
            {
                _authors[id] = (name, slug, _authors.TryGetValue(id, out var known) ? known.Papers + 1 : 1);
            }
        }

        public void Write(string folder)
        {
            using var directory = FSDirectory.Open(folder);
            using var writer = new IndexWriter(directory, new IndexWriterConfig(IndexFields.Version, IndexFields.Analyzer()) { OpenMode = OpenMode.CREATE });
            foreach (var (name, slug, papers) in _authors.Values)
            {
                writer.AddDocument(new Document
                {
                    new TextField(Words, IndexFields.Folded(name), Field.Store.NO),
                    new StoredField(Name, name),
                    new StoredField(Slug, slug),
                    new NumericDocValuesField(Papers, papers),
                    new SortedDocValuesField(Slug, new BytesRef(slug)),
                });
            }
            writer.ForceMerge(1);
            writer.Commit();
        }
    }

    private static readonly Sort MostPapersFirst = new(new SortField(Papers, SortFieldType.INT64, true), new SortField(Slug, SortFieldType.STRING));

    /// <summary>Up to <paramref name="count"/> authors (name, address) whose names hold these folded words in order, the last as a word's start.</summary>
    public static List<(string Name, string Slug)> Find(IndexSearcher names, IReadOnlyList<string> words, int count)
    {
        Query query;
        if (words.Count == 1)
        {
            query = new PrefixQuery(new Term(Words, words[0]));
        }
        else
        {
            var phrase = new MultiPhraseQuery();
            foreach (var word in words.Take(words.Count - 1))
            {
                phrase.Add(new Term(Words, word));
            }
            var starting = IndexQueries.WordsStartingWith(names.IndexReader, Words, words[^1]);
            phrase.Add(starting.Count == 0 ? [new Term(Words, words[^1])] : starting.ToArray());
            query = phrase;
        }
        var top = names.Search(new ConstantScoreQuery(query), count, MostPapersFirst);
        return top.ScoreDocs.Select(hit => names.Doc(hit.Doc)).Select(doc => (doc.Get(Name, System.Globalization.CultureInfo.InvariantCulture), doc.Get(Slug, System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }
}
