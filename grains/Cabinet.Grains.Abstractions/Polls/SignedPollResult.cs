using Cabinet.Voting.Tallying;

namespace Cabinet.Polls;

/// <summary>
/// The closed poll's result: the decided outcome for display, and the canonical result document with its detached
/// CMS signature by the organisation's certificate (base64 DER), verifiable with openssl against the root CA.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.signed-poll-result")]
public sealed record SignedPollResult(
    PollOutcome Outcome,
    long BallotCount,
    string ChainHead,
    string DocumentJson,
    string SignatureBase64,
    string SignerSubject,
    Tally Tally)
{
    /// <summary>The part the meeting keeps and pushes; the hash pins this document.</summary>
    public PollResultSummary Summary() => new(Outcome, BallotCount, ChainHead, SignerSubject, Tally,
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(DocumentJson))));
}
