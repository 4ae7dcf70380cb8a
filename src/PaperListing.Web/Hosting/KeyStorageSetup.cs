using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using PaperListing.Web.Configuration;

namespace PaperListing.Web.Hosting;

/// <summary>
/// Keeps the data-protection keys in DataProtection:KeysPath (a volume in a container), so they survive a restart and
/// a read-only root filesystem. The keys are stored unencrypted: the folder must be as private as the database.
/// </summary>
public static class KeyStorageSetup
{
    public static IServiceCollection AddPersistentDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("PaperListing");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<KeyStorageOptions>, ILoggerFactory>((keys, storage, loggers) =>
        {
            if (storage.Value.KeysPath.Length > 0)
            {
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(storage.Value.KeysPath), loggers);
            }
        });
        return services;
    }
}
