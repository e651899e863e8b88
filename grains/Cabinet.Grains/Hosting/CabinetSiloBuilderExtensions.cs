using Cabinet.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Persistence;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace Cabinet.Hosting;

public static class CabinetSiloBuilderExtensions
{
    /// <summary>Clustering, storage, reminders and serialization for a Cabinet silo in either storage mode.</summary>
    public static ISiloBuilder UseCabinet(this ISiloBuilder silo, CabinetSiloOptions options)
    {
        if (options.UsesRedis)
        {
            silo.UseRedisClustering(options.RedisConnectionString!)
                .UseRedisReminderService(o => o.ConfigurationOptions = ConfigurationOptions.Parse(options.RedisConnectionString!))
                .ConfigureEndpoints(System.Net.IPAddress.Loopback, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false)
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId)
                .UseInMemoryReminderService();
        }

        return silo.AddCabinetStorage(options);
    }

    /// <summary>The grain storage of both modes under the names in <see cref="StorageNames"/>, with JSON state.</summary>
    public static ISiloBuilder AddCabinetStorage(this ISiloBuilder silo, CabinetSiloOptions options)
    {
        silo.Services.AddSerializer(s => s.AddCabinetDomainTypes());
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<SystemTextJsonGrainStorageSerializer>();
        silo.Services.AddSingleton(_ => new Signing.OrganizationSigners(options));
        silo.Services.AddSingleton<Signing.DeviceCertifier>();
        silo.Services.AddSingleton<Closing.IArchiveStore>(_ => options.UsesRedis
            ? new Closing.RedisArchiveStore(options.RedisConnectionString!)
            : new Closing.FileArchiveStore(options.DataPath));
        silo.Services.AddSingleton(_ => Journal(options, "ledger"));
        silo.Services.AddKeyedSingleton(Audit.AuditLogGrain.JournalName, (_, _) => Journal(options, Audit.AuditLogGrain.JournalName));
        silo.Services.AddKeyedSingleton(Opinions.OpinionBallotGrain.JournalName, (_, _) => Journal(options, Opinions.OpinionBallotGrain.JournalName));
        silo.Services.AddSingleton(options.Opinions);
        silo.Services.AddSingleton<Opinions.OpinionNotices>();
        silo.Services.AddSingleton<Opinions.OpinionReports>();
        silo.Services.AddSingleton(options.Sessions);
        silo.Services.AddSingleton(options.Audit);
        silo.Services.AddSingleton(options.Documents);
        silo.Services.AddSingleton<Documents.IDocumentBlobStore>(_ => options.UsesRedis
            ? new Documents.RedisDocumentBlobStore(options.RedisConnectionString!)
            : new Documents.FileDocumentBlobStore(options.DataPath));
        silo.Services.AddSingleton<Documents.IAnnotationStore>(_ => options.UsesRedis
            ? new Documents.RedisAnnotationStore(options.RedisConnectionString!)
            : new Documents.FileAnnotationStore(options.DataPath));
        silo.Services.AddSingleton<Signing.LongTermValidation>();
        silo.Services.AddSingleton<Closing.MeetingSealer>();
        silo.Services.AddSingleton(options);
        foreach (var name in new[] { StorageNames.Meetings, StorageNames.People })
        {
            if (options.UsesRedis)
            {
                silo.AddRedisGrainStorage(name, o => o.Configure<IServiceProvider>((redis, sp) =>
                {
                    redis.ConfigurationOptions = ConfigurationOptions.Parse(options.RedisConnectionString!);
                    redis.GrainStorageSerializer = sp.GetRequiredService<SystemTextJsonGrainStorageSerializer>();
                }));
            }
            else
            {
                silo.Services.AddGrainStorage(name, (sp, n) => new FileGrainStorage(
                    n, options.DataPath, sp.GetRequiredService<SystemTextJsonGrainStorageSerializer>(), sp.GetRequiredService<ILogger<FileGrainStorage>>()));
            }
        }

        return silo;
    }

    /// <summary>A hash-chained journal under its own name (meetings' ledgers, the audit log, opinion ballots), on disk or in Redis.</summary>
    private static Ledger.ILedgerJournal Journal(CabinetSiloOptions options, string name) => options.UsesRedis
        ? new Ledger.RedisLedgerJournal(options.RedisConnectionString!, name)
        : new Ledger.FileLedgerJournal(options.DataPath, name);
}
