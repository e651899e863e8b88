using System.IO.Compression;
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
        var meeting = await cluster.NewLiveMeetingAsync();
        var id = meeting.GetPrimaryKeyString();
        for (var i = 0; i < 1_100; i++)
        {
            Assert.True((await meeting.MoveAsync(ClusterFixture.Chair, i % 2 == 0 ? AgendaMove.Next : AgendaMove.Previous)).Ok);
        }

        var close = await meeting.CloseAsync(ClusterFixture.Chair);
        Assert.True(close.Ok);
        MeetingSnapshot snapshot;
        var waited = 0;
        while ((snapshot = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!).Archive is null && waited++ < 300)
        {
            await Task.Delay(100);
        }

        Assert.NotNull(snapshot.Archive);
        IArchiveStore store = cluster.Storage.UsesRedis ? new RedisArchiveStore(cluster.Storage.RedisConnectionString!) : new FileArchiveStore(cluster.Storage.DataPath);
        using var zip = new ZipArchive(new MemoryStream((await store.GetAsync(id))!), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("ledger.jsonl")!.Open());
        var sealedLedger = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => CanonicalJson.Deserialize<LedgerEntry>(System.Text.Encoding.UTF8.GetBytes(line))).ToList();

        // Sealed: everything up to the close; then the archive itself is recorded as the next entry.
        var after = await meeting.ReadLedgerAsync();
        Assert.Equal(after[..^1], sealedLedger);
        Assert.Equal(close.Version, sealedLedger[^1].Version);
        Assert.True(sealedLedger.Count > 2 * LedgerPage.MaxEntries);
        Assert.Null(LedgerVerifier.FindFirstFault(sealedLedger));
        Assert.Equal(MeetingEventKinds.Archived, after[^1].Command);
    }
}

public sealed class LedgerSealingOnDisk(FileStorageCluster cluster) : LedgerSealingTests<FileStorageCluster>(cluster);

public sealed class LedgerSealingInRedis(RedisStorageCluster cluster) : LedgerSealingTests<RedisStorageCluster>(cluster);
