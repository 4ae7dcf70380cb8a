namespace PaperListing.Web.Api;

/// <summary>A reading list as /api/list answers it: its title and note (null when the address gives none) and its papers in order.</summary>
public sealed record ApiReadingList(string? Title, string? Note, int Count, IReadOnlyList<ApiReadingListEntry> Papers, ApiReadingListLinks Links);

/// <summary>One place of the list, counted from 1; <c>paper</c> is null when the site no longer has a paper with this id.</summary>
public sealed record ApiReadingListEntry(int Position, string Id, ApiPaper? Paper);

public sealed record ApiReadingListLinks(string Self, string Html, string BibTex, string Ris);
