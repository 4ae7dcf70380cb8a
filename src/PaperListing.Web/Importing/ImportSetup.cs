using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;
using PaperListing.Web.Importing.Engines;

namespace PaperListing.Web.Importing;

/// <summary>
/// The import's services: its engine tuning, chosen here from Database:Provider as the database engine is (so the data
/// layer knows nothing of the import), the importer, the startup import, the folder watch and the status requests wait on.
/// </summary>
public static class ImportSetup
{
    public static IServiceCollection AddPaperListingImport(this IServiceCollection services)
    {
        services.AddSingleton(sp => TuningFor(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton<ImportStatus>();
        services.AddSingleton<SeedImporter>();
        services.AddHostedService<SeedImportService>();
        // Seed files added, changed or removed later are imported within seconds, without a restart (Seeds:Watch).
        services.AddHostedService<SeedWatch>();
        return services;
    }

    public static IImportTuning TuningFor(DatabaseOptions options) =>
        options.IsPostgres ? new PostgresImportTuning() : new SqliteImportTuning();
}
