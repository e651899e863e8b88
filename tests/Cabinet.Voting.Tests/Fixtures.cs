using System.Collections.Immutable;
using System.Security.Cryptography;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Polls;
using Cabinet.Voting.Tallying;
using Cabinet.Voting.Voters;

namespace Cabinet.Voting.Tests;

/// <summary>A 15-member People's Committee (UBND) and helpers to open polls and cast ballots on it.</summary>
internal static class Fixtures
{
    public const string MeetingId = "ubnd-tinh/2025-03-01";
    public const string PollId = "poll-1";
    public const string Chair = "chutich";

    public static readonly DateTimeOffset OpenedAt = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));

    public static ImmutableArray<string> Members(int count) =>
        [Chair, .. Enumerable.Range(1, count - 1).Select(i => $"thanhvien{i:00}")];

    public static Eligibility AllPresent(int members = 15) =>
        Eligibility.Build(Members(members), Members(members), Chair, EligibilityPolicy.AllMembers).GetValueOrThrow();

    public static Motion YesNo(MajorityRule majority, Secrecy secrecy = Secrecy.Named, QuorumRule? quorum = null) =>
        Motion.YesNo("motion-1", "item-3", "Thông qua Kế hoạch phát triển kinh tế - xã hội năm 2025", secrecy,
            quorum ?? QuorumRule.None, majority);

    public static Motion Choice(MajorityRule majority, int options = 3, int maxChoices = 1, Secrecy secrecy = Secrecy.Named)
    {
        var list = Enumerable.Range(1, options).Select(i => new MotionOption($"opt-{i}", $"Phương án {i}")).ToImmutableArray();
        return maxChoices == 1
            ? Motion.SingleChoice("motion-2", "item-4", "Chọn địa điểm xây dựng trường học", list, secrecy, QuorumRule.None, majority)
            : Motion.MultipleChoice("motion-2", "item-4", "Chọn các dự án ưu tiên", list, 1, maxChoices, secrecy, QuorumRule.None, majority);
    }

    public static PollBook Open(Motion motion, Eligibility? eligibility = null) =>
        PollBook.Open(MeetingId, PollId, motion, eligibility ?? AllPresent(), OpenedAt).GetValueOrThrow();

    public static SignedBallot Ballot(string voter, params string[] choices) =>
        Ballot(voter, $"nonce-{voter}-0123456789", choices);

    public static SignedBallot Ballot(string voter, string nonce, string[] choices)
    {
        var content = new BallotContent(MeetingId, PollId, voter, [.. choices], nonce, OpenedAt.AddSeconds(30));
        return new SignedBallot(content, SHA256.HashData(content.ToSigningBytes()).Concat(new byte[32]).ToArray());
    }

    /// <summary>Casts every (voter, choices) pair and fails the test on any refusal.</summary>
    public static PollBook CastAll(PollBook book, IEnumerable<(string Voter, string[] Choices)> votes)
    {
        foreach (var (voter, choices) in votes)
        {
            var result = book.Cast(Ballot(voter, choices), signatureOk: true, OpenedAt.AddMinutes(1));
            Assert.True(result.Accepted, result.Error?.Code);
            book = result.Book;
        }

        return book;
    }

    /// <summary>Votes by counts: the chair votes <paramref name="chairVote"/> (if any), the others fill the counts in order.</summary>
    public static PollBook VoteYesNo(PollBook book, int yes, int no, int abstain, string? chairVote = null)
    {
        var others = book.Eligibility.Voters.Select(v => v.UserName).Where(v => chairVote is null || v != Chair).ToList();
        var votes = new List<(string, string[])>();
        var remaining = new Dictionary<string, int> { ["yes"] = yes, ["no"] = no, ["abstain"] = abstain };
        if (chairVote is not null)
        {
            votes.Add((Chair, [chairVote]));
            remaining[chairVote]--;
        }

        var queue = new Queue<string>(others);
        foreach (var (choice, count) in remaining)
        {
            for (var i = 0; i < count; i++)
            {
                votes.Add((queue.Dequeue(), [choice]));
            }
        }

        return CastAll(book, votes);
    }

    public static PollOutcome Outcome(PollBook book) =>
        book.Close(OpenedAt.AddMinutes(10)).GetValueOrThrow().Result().GetValueOrThrow().Outcome;
}
