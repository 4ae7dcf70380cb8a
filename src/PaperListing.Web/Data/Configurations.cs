using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaperListing.Web.Data;

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> builder)
    {
        builder.HasIndex(l => l.Slug).IsUnique();
        builder.HasIndex(l => l.SortKey);
    }
}

internal sealed class SeedFileConfiguration : IEntityTypeConfiguration<SeedFile>
{
    public void Configure(EntityTypeBuilder<SeedFile> builder)
    {
        builder.HasIndex(f => f.FileName).IsUnique();
        builder.HasIndex(f => new { f.ListingId, f.FileName });
    }
}

internal sealed class ListingEntryConfiguration : IEntityTypeConfiguration<ListingEntry>
{
    public void Configure(EntityTypeBuilder<ListingEntry> builder)
    {
        // Covers the page query: a range of positions in one listing, and the paper each holds.
        builder.HasIndex(e => new { e.ListingId, e.Position, e.PaperId });
        builder.HasIndex(e => e.SeedFileId);
        // Whether a paper is in a listing (search within a listing): one lookup, whatever the listing's size.
        builder.HasIndex(e => new { e.PaperId, e.ListingId });
        builder.HasOne(e => e.Paper).WithMany().HasForeignKey(e => e.PaperId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Listing>().WithMany().HasForeignKey(e => e.ListingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SeedFile>().WithMany().HasForeignKey(e => e.SeedFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> builder)
    {
        builder.HasIndex(p => p.PublicId).IsUnique();
        // No index on ContentHash: the import holds every stored paper's hash in memory (PaperKeys) and nothing reads
        // by it; an index of 64-character keys would cost a third of a first load's index build at a million papers.
        builder.HasMany(p => p.Authors).WithOne().HasForeignKey(a => a.PaperId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Subjects).WithOne().HasForeignKey(s => s.PaperId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasIndex(a => a.Slug).IsUnique();
    }
}

internal sealed class PaperAuthorConfiguration : IEntityTypeConfiguration<PaperAuthor>
{
    public void Configure(EntityTypeBuilder<PaperAuthor> builder)
    {
        builder.HasKey(pa => new { pa.PaperId, pa.Position });
        builder.HasIndex(pa => new { pa.AuthorId, pa.PaperId });
        builder.HasOne(pa => pa.Author).WithMany().HasForeignKey(pa => pa.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FieldConfiguration : IEntityTypeConfiguration<Field>
{
    public void Configure(EntityTypeBuilder<Field> builder)
    {
        builder.HasIndex(f => f.Name).IsUnique();
        builder.HasIndex(f => f.Slug).IsUnique();
    }
}

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> builder)
    {
        builder.HasIndex(s => new { s.FieldId, s.Name }).IsUnique();
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.HasOne(s => s.Field).WithMany().HasForeignKey(s => s.FieldId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaperSubjectConfiguration : IEntityTypeConfiguration<PaperSubject>
{
    public void Configure(EntityTypeBuilder<PaperSubject> builder)
    {
        builder.HasKey(ps => new { ps.PaperId, ps.Position });
        builder.HasIndex(ps => new { ps.SubjectId, ps.PaperId });
        builder.HasOne(ps => ps.Subject).WithMany().HasForeignKey(ps => ps.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DatabaseFactConfiguration : IEntityTypeConfiguration<DatabaseFact>
{
    public void Configure(EntityTypeBuilder<DatabaseFact> builder) => builder.HasKey(f => f.Key);
}

internal sealed class PaperListEntryConfiguration : IEntityTypeConfiguration<PaperListEntry>
{
    // The key is the page query's range; the paper id rides along in the same index.
    public void Configure(EntityTypeBuilder<PaperListEntry> builder) => builder.HasKey(e => new { e.Kind, e.OwnerId, e.Position });
}
