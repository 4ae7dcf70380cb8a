using Microsoft.EntityFrameworkCore;

namespace PaperListing.Web.Data;

public sealed class PapersDbContext(DbContextOptions<PapersDbContext> options) : DbContext(options)
{
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<SeedFile> SeedFiles => Set<SeedFile>();
    public DbSet<ListingEntry> ListingEntries => Set<ListingEntry>();
    public DbSet<Paper> Papers => Set<Paper>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<PaperAuthor> PaperAuthors => Set<PaperAuthor>();
    public DbSet<Field> Fields => Set<Field>();
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<PaperSubject> PaperSubjects => Set<PaperSubject>();
    public DbSet<DatabaseFact> DatabaseFacts => Set<DatabaseFact>();
    public DbSet<PaperListEntry> PaperListEntries => Set<PaperListEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PapersDbContext).Assembly);
}
