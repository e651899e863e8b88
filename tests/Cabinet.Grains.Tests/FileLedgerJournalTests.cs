using Cabinet.Ledger;
using Cabinet.Storage;
using Cabinet.Testing;
using Cabinet.Voting.Ledger;

namespace Cabinet.Grains.Tests;

/// <summary>The embedded journal's segments: reads across them, truncation, a line a crash cut short, owner-only files.</summary>
public sealed class FileLedgerJournalTests
{
    private const string Meeting = "tinh/nhat-ky";
    private readonly string _data = RepositoryPaths.NewTempFolder("journal");

    [Fact]
    public async Task Entries_read_back_across_segments_and_truncation_keeps_exactly_the_prefix()
    {
        var journal = new FileLedgerJournal(_data, TestCiphers.In(_data));
        var chain = Chain(2_100);
        foreach (var batch in chain.Chunk(333))
        {
            await journal.AppendAsync(Meeting, batch);
        }

        Assert.Equal(2_100, await journal.LastSequenceAsync(Meeting));
        Assert.Equal(chain[995..1_005], await journal.ReadAsync(Meeting, 996, 10));
        Assert.Equal(chain[2_050..], await journal.ReadAsync(Meeting, 2_051, 500));
        Assert.Equal(chain, await journal.ReadChainAsync(Meeting, 2_100));

        await journal.TruncateAfterAsync(Meeting, 1_500);

        Assert.Equal(1_500, await journal.LastSequenceAsync(Meeting));
        Assert.Equal(chain[1_490..1_500], await journal.ReadAsync(Meeting, 1_491, 500));
        Assert.Equal(2, Directory.GetFiles(FolderOf(), "*.jsonl").Length);
        await journal.AppendAsync(Meeting, chain[1_500..]);
        Assert.Null(LedgerVerifier.FindFirstFault(await journal.ReadChainAsync(Meeting, 2_100)));
    }

    [Fact]
    public async Task A_line_a_crash_cut_short_is_never_read_and_is_cut_before_the_next_append()
    {
        var journal = new FileLedgerJournal(_data, TestCiphers.In(_data));
        var chain = Chain(4);
        await journal.AppendAsync(Meeting, chain[..3]);
        var segment = Directory.GetFiles(FolderOf(), "*.jsonl").Single();
        await File.AppendAllTextAsync(segment, "{\"sequence\":4,\"version\":4,\"at\":\"20");

        Assert.Equal(3, (await journal.ReadAsync(Meeting, 1, 10)).Count);
        Assert.Equal(3, await journal.LastSequenceAsync(Meeting));
        await journal.AppendAsync(Meeting, chain[3..]);
        Assert.Equal(chain, await journal.ReadAsync(Meeting, 1, 10));
    }

    [Fact]
    public async Task An_append_that_does_not_follow_the_last_entry_is_refused_and_changes_nothing()
    {
        var journal = new FileLedgerJournal(_data, TestCiphers.In(_data));
        var chain = Chain(5);
        await journal.AppendAsync(Meeting, chain[..3]);

        await Assert.ThrowsAsync<LedgerJournalException>(() => journal.AppendAsync(Meeting, chain[4..]));
        await Assert.ThrowsAsync<LedgerJournalException>(() => journal.AppendAsync(Meeting, chain[2..3]));
        await Assert.ThrowsAsync<ArgumentException>(() => journal.AppendAsync("../etc", chain[..1]));

        Assert.Equal(chain[..3], await journal.ReadAsync(Meeting, 1, 10));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Journal_files_and_folders_are_readable_by_their_owner_only()
    {
        var journal = new FileLedgerJournal(_data, TestCiphers.In(_data));
        await journal.AppendAsync(Meeting, Chain(1));

        Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(FolderOf()));
        Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(Path.Combine(_data, "ledger", "tinh")));
        Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(Path.Combine(_data, "ledger")));
        Assert.All(Directory.GetFiles(FolderOf()), f => Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(f)));
    }

    private string FolderOf() => Path.Combine(_data, "ledger", "tinh", "nhat-ky");

    private static LedgerEntry[] Chain(int count)
    {
        var chain = new List<LedgerEntry>(count);
        for (var i = 1; i <= count; i++)
        {
            chain.Add(LedgerEntry.Next(chain.LastOrDefault(), i, DateTimeOffset.UnixEpoch.AddSeconds(i), "chair", "agenda.current-changed", $"{{\"to\":\"i{i % 3}\"}}"));
        }

        return [.. chain];
    }
}
