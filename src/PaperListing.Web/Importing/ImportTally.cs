using PaperListing.Web.Importing.Parsing;

namespace PaperListing.Web.Importing;

/// <summary>What an import has done so far, counted file by file as it goes: the figures its summary reports.</summary>
internal sealed record ImportTally
{
    public int FilesRead { get; set; }
    public int FilesUnchanged { get; set; }
    public int FilesSkipped { get; set; }
    public int FilesRemoved { get; set; }
    public int FilesFailed { get; set; }
    public int EntriesImported { get; set; }
    public int EntriesSkipped { get; set; }
    public int Diagnostics { get; set; }

    /// <summary>The bytes of the files done so far (written or found unchanged), for the progress line.</summary>
    public long BytesDone { get; set; }

    /// <summary>A file found unchanged: nothing to write, but its bytes are done.</summary>
    public void Unchanged(FileInfo file)
    {
        FilesUnchanged++;
        BytesDone += file.Length;
    }

    /// <summary>A file written: its entries, and what the parser noticed in it, by kind.</summary>
    public void Written(FileInfo file, int entries, IEnumerable<SeedDiagnostic> diagnostics)
    {
        EntriesImported += entries;
        foreach (var diagnostic in diagnostics)
        {
            Diagnostics++;
            if (diagnostic.Kind == SeedDiagnosticKind.EntrySkipped)
            {
                EntriesSkipped++;
            }
        }
        BytesDone += file.Length;
    }

    public ImportReport Report(int listings, int papers, int authors, int subjects, double seconds) =>
        new(FilesRead, FilesUnchanged, FilesSkipped, FilesRemoved, FilesFailed, listings, papers, authors, subjects,
            EntriesImported, EntriesSkipped, Diagnostics, seconds);
}
