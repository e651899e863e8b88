using System.Collections.Concurrent;
using Cabinet.Documents;
using Cabinet.Hosting;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace Cabinet.Grains.Tests;

/// <summary>An in-process Orleans cluster with Cabinet's storage (on disk, or in a real Redis) and a small directory of people.</summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    public const string Org = "tinh";
    public const string OtherOrg = "xa-khac";

    private InProcessTestCluster? _cluster;

    public IClusterClient Client => _cluster!.Client;

    public InProcessTestCluster Cluster => _cluster!;

    /// <summary>The host recorded with test connections: not a silo address, so the meeting never sees it leave the cluster.</summary>
    public const string Host = "test-host";

    /// <summary>The silo's storage options: where its files are, or which Redis it uses.</summary>
    public CabinetSiloOptions Storage { get; private set; } = new();

    /// <summary>Meetings whose next state writes fail right after the ledger append (<see cref="CabinetSiloOptions.FailStateWriteAfterLedgerAppend"/>).</summary>
    public ConcurrentDictionary<string, bool> FailingStateWrites { get; } = new(StringComparer.Ordinal);

    /// <summary>Every annotation entry the silo wrote; meetings whose annotation writes fail.</summary>
    public AnnotationWrites AnnotationWrites { get; } = new();

    /// <summary>The hashes of the document files the silo opened for reading, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> DocumentsOpened { get; } = new();

    /// <summary>Chair and secretary are organisers of the organisation: they create and prepare its meetings.</summary>
    public static Actor Chair { get; } = new("chair", "Chủ trì", Org, false, IsOrganizer: true);

    public static Actor Secretary { get; } = new("secretary", "Thư ký", Org, false, IsOrganizer: true);

    public static Actor Delegate1 { get; } = new("delegate1", "Đại biểu 1", Org, false);

    public static Actor Delegate2 { get; } = new("delegate2", "Đại biểu 2", Org, false);

    /// <summary>A member of the organisation who is not invited: sees nothing of the meeting unless the chair grants them observer access.</summary>
    public static Actor Colleague { get; } = new("colleague", "Đồng nghiệp", Org, false);

    /// <summary>Someone from another organisation, not invited: may not even see the meeting.</summary>
    public static Actor Outsider { get; } = new("outsider", "Người ngoài", OtherOrg, false);

    protected abstract Task<CabinetSiloOptions> StorageAsync();

    /// <summary>The clock the silo's grains read.</summary>
    protected virtual TimeProvider Clock => TimeProvider.System;

    public async ValueTask InitializeAsync()
    {
        var found = await StorageAsync();
        // Cheap password hashes, as the test servers use (CabinetServerOptions.CheapPasswordHashes): the fixtures register many people.
        found = found.WithDevelopmentKey() with { Passwords = new() { Iterations = Cabinet.Testing.CabinetServerOptions.CheapPasswordIterations } };
        var storage = Storage = found with { FailStateWriteAfterLedgerAppend = FailingStateWrites.ContainsKey, Cipher = Cabinet.Encryption.EncryptionAtRest.Open(found) };
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCabinetStorage(storage);
            silo.Services.AddSingleton(Clock);
            silo.UseInMemoryReminderService(); // opinion ballots' deadlines
            var real = silo.Services.Last(d => d.ServiceType == typeof(IAnnotationStore)).ImplementationFactory!;
            silo.Services.AddSingleton<IAnnotationStore>(sp => new RecordingAnnotationStore((IAnnotationStore)real(sp), AnnotationWrites));
            var blobs = silo.Services.Last(d => d.ServiceType == typeof(Cabinet.Documents.IDocumentBlobStore)).ImplementationFactory!;
            silo.Services.AddSingleton<Cabinet.Documents.IDocumentBlobStore>(sp => new RecordingBlobStore((Cabinet.Documents.IDocumentBlobStore)blobs(sp), DocumentsOpened));
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddCabinetDomainTypes()));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        foreach (var actor in new[] { Chair, Secretary, Delegate1, Delegate2, Colleague, Outsider })
        {
            var profile = new UserProfile(actor.UserName, actor.DisplayName, actor.OrganizationId, "Chức vụ", actor.IsAdministrator, actor.IsOrganizer);
            await Client.GetGrain<IUserGrain>(actor.UserName).RegisterAsync(new UserRegistration(profile, "mat-khau-du-dai"));
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>A new meeting (unique id) in draft with three agenda items, chair, secretary and two delegates.</summary>
    public async Task<IMeetingGrain> NewMeetingAsync(bool schedule = true)
    {
        var id = MeetingKey.Of(Org, $"m-{Guid.NewGuid():N}"[..20]);
        var meeting = Client.GetGrain<IMeetingGrain>(id);
        var setup = new MeetingSetup(
            new MeetingDetails("Phiên họp thử", "Phòng họp 1", DateTimeOffset.UtcNow),
            [
                new ParticipantInvite(Chair.UserName, MeetingRole.Chair), new ParticipantInvite(Secretary.UserName, MeetingRole.Secretary),
                new ParticipantInvite(Delegate1.UserName, MeetingRole.Delegate), new ParticipantInvite(Delegate2.UserName, MeetingRole.Delegate),
            ],
            [new AgendaItemInput("Nội dung 1", "A", 10, ""), new AgendaItemInput("Nội dung 2", "B", 10, ""), new AgendaItemInput("Nội dung 3", "C", 10, "")]);
        var created = await meeting.CreateAsync(Chair, setup);
        Assert.True(created.Ok, created.Error?.Code);
        if (schedule)
        {
            Assert.True((await meeting.ScheduleAsync(Secretary)).Ok);
        }

        return meeting;
    }
}

public class FileStorageCluster : ClusterFixture
{
    protected override Task<CabinetSiloOptions> StorageAsync() =>
        Task.FromResult(new CabinetSiloOptions { DataPath = RepositoryPaths.NewTempFolder("grains"), AllowDevelopmentAuthority = true });
}

public sealed class RedisStorageCluster : ClusterFixture
{
    private RedisServer? _redis;

    protected override async Task<CabinetSiloOptions> StorageAsync()
    {
        _redis = await RedisServer.StartAsync();
        // Its own data folder too: signing keys live there, and parallel clusters sharing one raced to create the test CA.
        // No test here stops Redis, so a long client timeout costs nothing; the default 5 s failed a setup write once on a
        // loaded 2-core CI host (RedisTimeoutException registering a user) while the test was about something else.
        var connection = _redis.ConnectionString + ",asyncTimeout=30000,syncTimeout=30000";
        return new CabinetSiloOptions { RedisConnectionString = connection, DataPath = RepositoryPaths.NewTempFolder("grains-redis"), AllowDevelopmentAuthority = true };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
