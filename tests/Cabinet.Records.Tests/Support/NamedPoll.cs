using System.Collections.Immutable;
using System.Security.Cryptography;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Polls;
using Cabinet.Voting.Tallying;
using Cabinet.Voting.Voters;

namespace Cabinet.Records.Tests.Support;

/// <summary>
/// A named yes/no poll of the sample meeting with real ballots: each of three delegates signs on a P-256 device key,
/// the book admits the ballots as the poll grain does, and closing yields the result document the organisation signs.
/// </summary>
public sealed class NamedPoll
{
    public const string MeetingId = "tan-phu/2026-03-12";
    public const string PollId = "poll-1";
    private static readonly DateTimeOffset OpenedAt = new(2026, 3, 12, 9, 30, 0, TimeSpan.FromHours(7));

    private NamedPoll(PollBook book, IReadOnlyList<(SignedBallot Ballot, string DeviceId, byte[] PublicKey)> ballots)
    {
        Book = book;
        Ballots = ballots;
    }

    public PollBook Book { get; }

    /// <summary>Each accepted ballot in chain order with the device that signed it.</summary>
    public IReadOnlyList<(SignedBallot Ballot, string DeviceId, byte[] PublicKey)> Ballots { get; }

    public PollResultDocument Result => Book.Result().Value!;

    public static NamedPoll Create()
    {
        string[] voters = ["chutich", "daibieu1", "daibieu2"];
        var eligibility = Eligibility.Build(voters, voters, "chutich", EligibilityPolicy.AllMembers).Value!;
        var motion = Motion.YesNo("motion-1", "item-1", "Thông qua kế hoạch sửa chữa trường tiểu học", Secrecy.Named,
            QuorumRule.None, MajorityRule.MoreThanHalfOfVotesCast);
        var book = PollBook.Open(MeetingId, PollId, motion, eligibility, OpenedAt).Value!;
        var ballots = new List<(SignedBallot, string, byte[])>();
        string[] choices = ["yes", "yes", "no"];
        for (var i = 0; i < voters.Length; i++)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var content = new BallotContent(MeetingId, PollId, voters[i], [choices[i]], $"nonce-{voters[i]}-0123456789", OpenedAt.AddMinutes(1 + i));
            var signature = key.SignData(content.ToSigningBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            var ballot = new SignedBallot(content, signature);
            book = book.Cast(ballot, signatureOk: true, content.CastAt).Book;
            ballots.Add((ballot, $"d{i + 1}-device", key.ExportSubjectPublicKeyInfo()));
        }

        return new NamedPoll(book.Close(OpenedAt.AddMinutes(10)).Value!, ballots);
    }

    /// <summary>
    /// What a forger with the poll's records would make: ballot <paramref name="index"/>'s choice changed, the chain and the
    /// result rebuilt around it, and the ballot's original signature kept (the forger has no device key).
    /// </summary>
    public NamedPoll Flipped(int index, string choice)
    {
        var book = PollBook.Open(MeetingId, PollId, Book.Motion, Book.Eligibility, OpenedAt).Value!;
        var ballots = Ballots.Select((b, i) => i == index ? b with { Ballot = b.Ballot with { Content = b.Ballot.Content with { Choices = [choice] } } } : b).ToList();
        foreach (var (ballot, _, _) in ballots)
        {
            book = book.Cast(ballot, signatureOk: true, ballot.Content.CastAt).Book;
        }

        return new NamedPoll(book.Close(OpenedAt.AddMinutes(10)).Value!, ballots);
    }

    /// <summary>The poll's ballot-evidence.jsonl.</summary>
    public byte[] EvidenceLines() => Cabinet.Records.Archive.BallotEvidence.Lines(Ballots.Select((b, i) =>
        new Cabinet.Records.Archive.BallotEvidence(i + 1, b.Ballot.Content, Convert.ToBase64String(b.Ballot.Signature), b.DeviceId, Convert.ToBase64String(b.PublicKey))));

    /// <summary>The poll's ballots.jsonl.</summary>
    public byte[] ChainLines() => System.Text.Encoding.UTF8.GetBytes(string.Concat(Book.Chain.Entries.Select(e => Cabinet.Voting.Canonical.CanonicalJson.SerializeToString(e) + "\n")));
}
