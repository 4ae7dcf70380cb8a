using Lucene.Net.Index;
using Lucene.Net.Store;

namespace PaperListing.Web.Search.Index;

/// <summary>Writes a new index of the papers into a folder, one paper at a time, in id order (which ties in a ranking keep).</summary>
public static class IndexWriting
{
    /// <summary>The memory the writer may fill before it writes a segment: what bounds the build's memory, whatever the number of papers.</summary>
    private const double BufferMegabytes = 48;

    /// <summary>The papers' index in folder/papers, the authors' names in folder/names; the number of papers written.</summary>
    public static int Write(string folder, IEnumerable<IndexedPaper> papers)
    {
        var authors = new AuthorNames.Tally();
        var count = WritePapers(Path.Combine(folder, IndexFields.PapersFolder), papers, authors);
        authors.Write(Path.Combine(folder, IndexFields.NamesFolder));
        return count;
    }

    private static int WritePapers(string folder, IEnumerable<IndexedPaper> papers, AuthorNames.Tally authors)
    {
        using var directory = FSDirectory.Open(folder);
        var config = new IndexWriterConfig(IndexFields.Version, IndexFields.Analyzer())
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = BufferMegabytes,
            Similarity = IndexFields.Similarity,
            // Merges keep the documents in the order written, so document order stays paper id order.
            MergePolicy = new LogByteSizeMergePolicy(),
        };
        using var writer = new IndexWriter(directory, config);
        var count = 0;
        foreach (var paper in papers)
        {
            writer.AddDocument(IndexFields.Of(paper));
            authors.Add(paper);
            count++;
        }
        // One segment: a search then walks one set of postings and doc values.
        writer.ForceMerge(1);
        writer.Commit();
        return count;
    }
}
