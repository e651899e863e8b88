using System.Text;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Canonical;

namespace Cabinet.Records.Tests.Support;

/// <summary>
/// The sample archive with a real ballot chain and a result that states its head and count, so it passes the
/// production checks (<see cref="Archive.BallotChainCheck"/>) as a sealed meeting's archive does. Built once per run.
/// </summary>
public static class ChainedSampleArchive
{
    private static readonly SemaphoreSlim _gate = new(1, 1);
    private static byte[]? _archive;

    public static async Task<byte[]> GetAsync(CertificatesFixture certificates)
    {
        await _gate.WaitAsync();
        try
        {
            _archive ??= await CreateAsync(certificates);
            return (byte[])_archive.Clone();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<byte[]> CreateAsync(CertificatesFixture certificates)
    {
        var chain = BallotChain.Empty("poll-1");
        (chain, _) = chain.Append(new string('a', 64), ["yes"], 1, "daibieu1");
        (chain, _) = chain.Append(new string('b', 64), ["no"], 1, null);
        (chain, _) = chain.Append(new string('c', 64), ["abstain"], 1, "daibieu3");
        var ballots = string.Concat(chain.Entries.Select(e => CanonicalJson.SerializeToString(e) + "\n"));
        var result = $$"""{"poll":"poll-1","for":1,"against":1,"abstain":1,"ballotCount":{{chain.Count}},"chainHead":"{{chain.Head}}","outcome":"Không thông qua"}""";
        return ArchiveResealer.Reseal(await SampleArchive.CreateAsync(certificates), certificates.Organisation, new Dictionary<string, byte[]>
        {
            ["polls/poll-1/ballots.jsonl"] = Encoding.UTF8.GetBytes(ballots),
            ["polls/poll-1/result.json"] = Encoding.UTF8.GetBytes(result),
        });
    }
}
