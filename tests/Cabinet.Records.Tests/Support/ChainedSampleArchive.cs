using System.Text;
using Cabinet.Records.Archive;
using Cabinet.Voting.Ledger;
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

    /// <summary>The poll sealed in the archive (its device keys are gone; the forgery tests rebuild around it).</summary>
    public static NamedPoll Poll { get; } = NamedPoll.Create();

    private static async Task<byte[]> CreateAsync(CertificatesFixture certificates)
    {
        var poll = Poll;
        var result = poll.Result.ToCanonicalBytes();
        var ledger = PollClosedLedger(poll);
        return ArchiveResealer.Reseal(await SampleArchive.CreateAsync(certificates), certificates.Organisation, new Dictionary<string, byte[]>
        {
            ["ledger.jsonl"] = ledger.Lines,
            ["polls/poll-1/ballots.jsonl"] = poll.ChainLines(),
            ["polls/poll-1/ballot-evidence.jsonl"] = poll.EvidenceLines(),
            ["polls/poll-1/result.json"] = result,
        }, manifest => manifest with { LedgerEntries = ledger.Count, LedgerHead = ledger.Head });
    }

    /// <summary>A ledger whose "poll.closed" entry states what the poll grain's close writes, so the cross-check has something to hold.</summary>
    /// <param name="issued">Document versions the ledger issues ("document.version-issued"), as (SHA-256, version number).</param>
    public static (byte[] Lines, long Count, string Head) PollClosedLedger(NamedPoll poll, bool? passed = null, string? chainHead = null, int? ballotCount = null,
        IEnumerable<(string Sha256, int Version)>? issued = null)
    {
        var ledger = new List<LedgerEntry>();
        foreach (var (command, detail) in new[]
        {
            ("meeting.opened", "{}"),
            ("poll.opened", "{\"pollId\":\"poll-1\"}"),
            ("poll.closed", CanonicalJson.SerializeToString(new
            {
                PollId = "poll-1", Passed = passed ?? poll.Result.Outcome.Passed, poll.Result.Outcome.Winner,
                BallotCount = ballotCount ?? poll.Result.BallotCount, ChainHead = chainHead ?? poll.Result.ChainHead,
            })),
        }.Concat((issued ?? []).Select(d => ("document.version-issued", CanonicalJson.SerializeToString(new { DocumentId = "d1", Title = "x", d.Version, d.Sha256 }))))
         .Append(("meeting.closed", "{}")))
        {
            ledger.Add(LedgerEntry.Next(ledger.LastOrDefault(), ledger.Count + 1, SampleMinutes.Start.AddMinutes(ledger.Count * 10), "chair:tran-van-binh", command, detail));
        }

        return (Encoding.UTF8.GetBytes(string.Concat(ledger.Select(e => CanonicalJson.SerializeToString(e) + "\n"))), ledger.Count, ledger[^1].Hash);
    }
}
