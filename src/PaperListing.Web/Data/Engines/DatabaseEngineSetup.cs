using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;

namespace PaperListing.Web.Data.Engines;

/// <summary>Chooses the engine once, from the validated Database:Provider, and gives every context it.</summary>
public static class DatabaseEngineSetup
{
    public static IServiceCollection AddPaperListingDatabase(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseEngine>(sp => For(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<DatabaseEngine>().Search);
        services.AddPooledDbContextFactory<PapersDbContext>((sp, options) => sp.GetRequiredService<DatabaseEngine>().Configure(options));
        return services;
    }

    public static DatabaseEngine For(DatabaseOptions options) =>
        options.IsPostgres ? new PostgresEngine(options.ConnectionString) : new SqliteEngine(options.ConnectionString, options.BusyTimeoutSeconds);
}
