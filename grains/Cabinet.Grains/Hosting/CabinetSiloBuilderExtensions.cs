using Cabinet.Encryption;
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
            // Reminders in a file of the data folder: a meeting's reminders and a notice box's outbox fire after a restart.
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId)
                .AddReminders();
            silo.Services.AddSingleton<IReminderTable>(sp => new FileReminderTable(options.DataPath, sp.GetRequiredService<RecordCipher>()));
        }

        return silo.AddCabinetStorage(options);
    }

    /// <summary>
    /// The grain storage of both modes under the names in <see cref="StorageNames"/>, with JSON state, and every other
    /// store; everything any of them writes is sealed by the one <see cref="RecordCipher"/> (encryption at rest).
    /// </summary>
    public static ISiloBuilder AddCabinetStorage(this ISiloBuilder silo, CabinetSiloOptions options)
    {
        silo.Services.AddSerializer(s => s.AddCabinetDomainTypes());
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<SystemTextJsonGrainStorageSerializer>();
        silo.Services.AddSingleton<SealedStateSerializer>();
        silo.Services.AddSingleton(_ => options.Cipher ?? EncryptionAtRest.Open(options));
        silo.Services.AddSingleton(_ => new Signing.OrganizationSigners(options));
        silo.Services.AddSingleton<Signing.DeviceCertifier>();
        silo.Services.AddSingleton<Closing.IArchiveStore>(sp => options.UsesRedis
            ? new Closing.RedisArchiveStore(options.RedisConnectionString!, sp.GetRequiredService<RecordCipher>())
            : new Closing.FileArchiveStore(options.DataPath, sp.GetRequiredService<RecordCipher>()));
        silo.Services.AddSingleton<Ledger.ILedgerJournal>(sp => Journal(options, sp.GetRequiredService<RecordCipher>(), "ledger"));
        foreach (var journal in new[] { Audit.AuditLogGrain.JournalName, Documents.DocumentAccessLogGrain.JournalName, Opinions.OpinionBallotGrain.JournalName, Polls.PollGrain.JournalName })
        {
            silo.Services.AddKeyedSingleton<Ledger.ILedgerJournal>(journal, (sp, _) => Journal(options, sp.GetRequiredService<RecordCipher>(), journal));
        }
        silo.Services.AddSingleton(options.Opinions);
        silo.Services.AddSingleton<Opinions.OpinionNotices>();
        silo.Services.AddSingleton<Opinions.OpinionReports>();
        silo.Services.AddSingleton(options.Sessions);
        silo.Services.AddSingleton(new People.PasswordHash(options.Passwords));
        silo.Services.AddSingleton(options.Audit);
        silo.Services.AddSingleton(options.Webhooks);
        silo.Services.AddSingleton(options.Retention);
        silo.Services.AddSingleton(options.Documents);
        silo.Services.AddSingleton<Documents.IDocumentBlobStore>(sp =>
        {
            Documents.IDocumentBlobStore store = options.UsesRedis
                ? new Documents.RedisDocumentBlobStore(options.RedisConnectionString!, sp.GetRequiredService<RecordCipher>())
                : new Documents.FileDocumentBlobStore(options.DataPath, sp.GetRequiredService<RecordCipher>());
            return options.Documents.ReadCacheBytes > 0 ? new Documents.DocumentReadCache(store, options.Documents.ReadCacheBytes) : store;
        });
        silo.Services.AddSingleton<Documents.IAnnotationStore>(sp => options.UsesRedis
            ? new Documents.RedisAnnotationStore(options.RedisConnectionString!, sp.GetRequiredService<RecordCipher>())
            : new Documents.FileAnnotationStore(options.DataPath, sp.GetRequiredService<RecordCipher>()));
        silo.Services.AddSingleton<Signing.LongTermValidation>();
        silo.Services.AddSingleton<Closing.MeetingSealer>();
        silo.Services.AddSingleton(options);
        silo.Services.AddSingleton(new Notices.NoticeLinks(options.PublicBaseUrl));
        silo.Services.AddSingleton<Notices.INoticeSender>(sp => new Notices.SmtpNoticeSender(options.Notifications.Email, sp.GetRequiredService<Notices.NoticeLinks>()));
        silo.Services.AddSingleton<Notices.INoticeSender>(sp => new Notices.HttpSmsSender(options.Notifications.Sms, sp.GetRequiredService<Notices.NoticeLinks>()));
        foreach (var name in new[] { StorageNames.Meetings, StorageNames.People })
        {
            // The storage itself keeps sealed bytes; the storage grains see (under the name) seals and opens them.
            var stored = name + "-sealed";
            if (options.UsesRedis)
            {
                silo.AddRedisGrainStorage(stored, o => o.Configure<IServiceProvider>((redis, sp) =>
                {
                    redis.ConfigurationOptions = ConfigurationOptions.Parse(options.RedisConnectionString!);
                    redis.GrainStorageSerializer = sp.GetRequiredService<SealedStateSerializer>();
                }));
            }
            else
            {
                silo.Services.AddGrainStorage(stored, (sp, n) => new FileGrainStorage(
                    name, options.DataPath, sp.GetRequiredService<SealedStateSerializer>(), sp.GetRequiredService<ILogger<FileGrainStorage>>()));
            }

            silo.Services.AddGrainStorage(name, (sp, n) => new SealedGrainStorage(
                n, sp.GetRequiredKeyedService<IGrainStorage>(stored), sp.GetRequiredService<SystemTextJsonGrainStorageSerializer>(), sp.GetRequiredService<RecordCipher>()));
        }

        return silo;
    }

    /// <summary>A hash-chained journal under its own name (meetings' ledgers, the audit log, the access log, opinion ballots, polls' ballots), on disk or in Redis, sealed at rest.</summary>
    private static Ledger.ILedgerJournal Journal(CabinetSiloOptions options, RecordCipher cipher, string name) => options.UsesRedis
        ? new Ledger.RedisLedgerJournal(options.RedisConnectionString!, cipher, name)
        : new Ledger.FileLedgerJournal(options.DataPath, cipher, name);
}
