using System.IO.Compression;
using System.Security.Cryptography;
using Cabinet.Closing;
using Cabinet.Meetings;
using Cabinet.Voting.Canonical;
using Cabinet.Voting.Ledger;

namespace Cabinet.Grains.Tests;

/// <summary>Sealing a meeting whose ledger spans several journal pages puts the whole chain, exactly, into the archive.</summary>
public abstract class LedgerSealingTests<TCluster>(TCluster cluster) : IClassFixture<TCluster>
    where TCluster : ClusterFixture
{
    [Fact]
    public async Task The_archive_holds_the_whole_chain_read_from_the_journal_in_pages()
    {
        Assert.True((await cluster.Client.GetGrain<People.IOrganizationGrain>(ClusterFixture.Org).SetRulesAsync(MeetingRules.PeoplesCommittee with { ReviewHours = 0 })).Ok);
        var meeting = await cluster.NewLiveMeetingAsync();
        var id = meeting.GetPrimaryKeyString();
        for (var i = 0; i < 1_100; i++)
        {
            Assert.True((await meeting.MoveAsync(ClusterFixture.Chair, i % 2 == 0 ? AgendaMove.Next : AgendaMove.Previous)).Ok);
        }

        var close = await meeting.CloseAsync(ClusterFixture.Chair);
        Assert.True(close.Ok);
        await WaitForAsync(meeting, s => s.Minutes is not null);
        foreach (var signatory in new[] { ClusterFixture.Secretary, ClusterFixture.Chair })
        {
            await SignOnDeviceAsync(meeting, signatory);
        }

        Assert.True((await meeting.SealMinutesAsync(ClusterFixture.Secretary)).Ok);
        var snapshot = await WaitForAsync(meeting, s => s.Archive is not null);

        Assert.NotNull(snapshot.Archive);
        IArchiveStore store = cluster.Storage.UsesRedis ? new RedisArchiveStore(cluster.Storage.RedisConnectionString!, cluster.Storage.Cipher!) : new FileArchiveStore(cluster.Storage.DataPath, cluster.Storage.Cipher!);
        using var zip = new ZipArchive(new MemoryStream((await store.GetAsync(id))!), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("ledger.jsonl")!.Open());
        var sealedLedger = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => CanonicalJson.Deserialize<LedgerEntry>(System.Text.Encoding.UTF8.GetBytes(line))).ToList();

        // Sealed: everything up to the close, then the minutes' draft, signatures and seal; then the archive itself is
        // recorded as the next entry.
        var after = await meeting.ReadLedgerAsync();
        Assert.Equal(after[..^1], sealedLedger);
        Assert.Equal(close.Version + 4, sealedLedger[^1].Version);
        Assert.Equal(MeetingEventKinds.MinutesSealed, sealedLedger[^1].Command);
        Assert.True(sealedLedger.Count > 2 * LedgerPage.MaxEntries);
        Assert.Null(LedgerVerifier.FindFirstFault(sealedLedger));
        Assert.Equal(MeetingEventKinds.Archived, after[^1].Command);
    }

    /// <summary>The person's own device (a P-256 key, as the browser's) signs what the meeting asks it to.</summary>
    private async Task SignOnDeviceAsync(IMeetingGrain meeting, People.Actor signatory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var device = (await cluster.Client.GetGrain<People.IUserGrain>(signatory.UserName).RegisterDeviceAsync("Máy thử", Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()))).Value!;
        var challenge = await meeting.BeginMinutesSignatureAsync(signatory, device.DeviceId);
        Assert.True(challenge.Ok, challenge.Error?.Code);
        var signature = key.SignData(Convert.FromBase64String(challenge.Value!.SignedAttributesBase64), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var signed = await meeting.CompleteMinutesSignatureAsync(signatory, Convert.ToBase64String(signature));
        Assert.True(signed.Ok, signed.Error?.Code);
    }

    private static async Task<MeetingSnapshot> WaitForAsync(IMeetingGrain meeting, Func<MeetingSnapshot, bool> condition)
    {
        MeetingSnapshot snapshot;
        var waited = 0;
        while (!condition(snapshot = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!) && waited++ < 300)
        {
            await Task.Delay(100);
        }

        return snapshot;
    }
}

public sealed class LedgerSealingOnDisk(FileStorageCluster cluster) : LedgerSealingTests<FileStorageCluster>(cluster);

public sealed class LedgerSealingInRedis(RedisStorageCluster cluster) : LedgerSealingTests<RedisStorageCluster>(cluster);
