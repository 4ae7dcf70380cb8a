using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;

namespace PaperListing.Web.Data.Engines;

/// <summary>
/// Chooses the engine once, from the validated Database:Provider, and gives every context it; the tables kept beside
/// the model (<see cref="SchemaExtension"/>) come from the feature that owns them (search's setup).
/// </summary>
public static class DatabaseEngineSetup
{
    public static IServiceCollection AddPaperListingDatabase(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseEngine>(sp => For(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<SchemaExtension>()));
        services.AddPooledDbContextFactory<PapersDbContext>((sp, options) => sp.GetRequiredService<DatabaseEngine>().Configure(options));
        return services;
    }

    public static DatabaseEngine For(DatabaseOptions options, SchemaExtension extension) =>
        options.IsPostgres ? new PostgresEngine(options.ConnectionString, extension) : new SqliteEngine(options.ConnectionString, extension, options.BusyTimeoutSeconds);
}
