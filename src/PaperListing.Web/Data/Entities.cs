namespace PaperListing.Web.Data;

/// <summary>A "Related papers" listing: the pages of one title, read from one or more seed files.</summary>
public sealed class Listing
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    /// <summary>The total the source declares ("200 papers"), which may exceed the papers stored.</summary>
    public int? DeclaredTotal { get; set; }
    /// <summary>Papers stored, kept by the import so a page never counts.</summary>
    public int PaperCount { get; set; }
    /// <summary>The file name of its first seed file: listings are shown in this order.</summary>
    public required string SortKey { get; set; }
}

/// <summary>A seed file as last imported: its content hash tells an unchanged file from a changed one.</summary>
public sealed class SeedFile
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string ContentHash { get; set; }
    /// <summary>Length and last write time (UTC ticks) as imported: when both match, the file is not hashed again.</summary>
    public long Length { get; set; }
    /// <summary>Null when the file was written too close to its import for its time to be trusted.</summary>
    public long? LastWriteTicks { get; set; }
    public int ListingId { get; set; }
    public int EntryCount { get; set; }
}

/// <summary>A paper's place in a listing; positions are 0-based and contiguous, so a page is a range.</summary>
public sealed class ListingEntry
{
    public long Id { get; set; }
    public int ListingId { get; set; }
    public int Position { get; set; }
    public int PaperId { get; set; }
    public int SeedFileId { get; set; }
    public Paper Paper { get; set; } = null!;
}

public sealed class Paper
{
    public int Id { get; set; }
    /// <summary>The address of the paper, derived from its content by the import (Papers/StablePaperId.cs).</summary>
    public required string PublicId { get; set; }
    /// <summary>SHA-256 of the paper's normalised content key, hex.</summary>
    public required string ContentHash { get; set; }
    /// <summary>Null when the source gives none (the seed never does): never invented.</summary>
    public string? Title { get; set; }
    public required string Abstract { get; set; }
    public DateOnly? Published { get; set; }
    public List<PaperAuthor> Authors { get; set; } = [];
    public List<PaperSubject> Subjects { get; set; } = [];
}

public sealed class Author
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
}

/// <summary>An author of a paper, at a position: author order survives.</summary>
public sealed class PaperAuthor
{
    public int PaperId { get; set; }
    public int Position { get; set; }
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
}

/// <summary>A field of study, e.g. "Computer Science".</summary>
public sealed class Field
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
}

/// <summary>A category within a field: "Machine Learning" in Computer Science is not "Machine Learning" in Statistics.</summary>
public sealed class Subject
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int FieldId { get; set; }
    public Field Field { get; set; } = null!;
    public required string Slug { get; set; }
}

/// <summary>A subject of a paper, at a position: subject order survives.</summary>
public sealed class PaperSubject
{
    public int PaperId { get; set; }
    public int Position { get; set; }
    public int SubjectId { get; set; }
    public Subject Subject { get; set; } = null!;
}

/// <summary>Facts about the database itself, such as the schema version it was built with.</summary>
public sealed class DatabaseFact
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}

/// <summary>Which list of papers a <see cref="PaperListEntry"/> belongs to.</summary>
public enum PaperListKind
{
    Author = 1,
    Subject = 2,
    Field = 3,
}

/// <summary>
/// A paper's place in an author's, a subject's or a field's list (newest first), kept by the import: positions are
/// 0-based and contiguous per list, so a page is an indexed range and the count is the last position plus one.
/// </summary>
public sealed class PaperListEntry
{
    public PaperListKind Kind { get; set; }
    public int OwnerId { get; set; }
    public int Position { get; set; }
    public int PaperId { get; set; }
}
