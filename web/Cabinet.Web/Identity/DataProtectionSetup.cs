using Cabinet.Hosting;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace Cabinet.Web.Identity;

public static class DataProtectionSetup
{
    /// <summary>
    /// Sign-in cookies and bearer tokens are protected with keys that every host must share and that must outlive a
    /// restart: in the data folder (embedded) or in Redis (cluster). Otherwise a restart or another host signs everyone out.
    /// </summary>
    public static IServiceCollection AddCabinetDataProtection(this IServiceCollection services, CabinetSiloOptions silo)
    {
        var protection = services.AddDataProtection().SetApplicationName("cabinet");
        if (silo.UsesRedis)
        {
            var redis = ConnectionMultiplexer.Connect(silo.RedisConnectionString!);
            protection.PersistKeysToStackExchangeRedis(redis, "cabinet:data-protection-keys");
        }
        else
        {
            protection.PersistKeysToFileSystem(Directory.CreateDirectory(Path.Combine(silo.DataPath, "keys")));
        }

        return services;
    }
}
