using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;
using PaperListing.Web.Data;

namespace PaperListing.Web.Search;

/// <summary>
/// The engine's full-text search, chosen from Database:Provider as the database engine is, and its index handed to the
/// data layer as part of the schema (so the data layer knows nothing of search).
/// </summary>
public static class PaperSearchSetup
{
    public static IServiceCollection AddPaperSearchEngine(this IServiceCollection services)
    {
        services.AddSingleton(sp => For(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton(sp => new SchemaExtension(sp.GetRequiredService<IPaperSearch>().IndexSchemaSql,
            [PostgresPaperSearch.TableName, PostgresPaperSearch.TermsTableName]));
        services.AddSingleton<Index.PaperIndex>();
        services.AddHostedService<Index.PaperIndexService>();
        return services;
    }

    public static IPaperSearch For(DatabaseOptions options) =>
        options.IsPostgres ? new PostgresPaperSearch() : new SqlitePaperSearch();
}
