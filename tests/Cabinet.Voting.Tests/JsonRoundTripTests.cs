using System.Text.Json;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Errors;
using Cabinet.Voting.Canonical;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Polls;
using Cabinet.Voting.Tallying;
using static Cabinet.Voting.Tests.Fixtures;

namespace Cabinet.Voting.Tests;

/// <summary>
/// Every persisted type survives System.Text.Json with CanonicalJson.Options. Records holding ImmutableArray compare
/// arrays by reference, so equality is checked on the canonical bytes (which is what hashes and signatures see).
/// </summary>
public sealed class JsonRoundTripTests
{
    private static void AssertRoundTrips<T>(T value)
    {
        var bytes = CanonicalJson.Serialize(value);
        var back = JsonSerializer.Deserialize<T>(bytes, CanonicalJson.Options);

        Assert.NotNull(back);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(bytes), System.Text.Encoding.UTF8.GetString(CanonicalJson.Serialize(back)));
    }

    private static PollBook VotedBook(Secrecy secrecy) =>
        VoteYesNo(Open(YesNo(MajorityRule.MoreThanHalfOfMembers, secrecy, QuorumRule.TwoThirdsOfMembers)), 8, 4, 2, "yes");

    [Theory]
    [InlineData(Secrecy.Named)]
    [InlineData(Secrecy.Secret)]
    public void PollBook_open_closed_and_cancelled_round_trips(Secrecy secrecy)
    {
        var book = VotedBook(secrecy);
        AssertRoundTrips(book);
        AssertRoundTrips(book.Close(OpenedAt.AddMinutes(5)).GetValueOrThrow());
        AssertRoundTrips(book.Cancel("Hủy do sai nội dung", OpenedAt.AddMinutes(5)).GetValueOrThrow());
    }

    [Fact]
    public void Round_tripped_PollBook_keeps_working_idempotently()
    {
        var ballot = Ballot("thanhvien01", "yes");
        var cast = Open(YesNo(MajorityRule.MoreThanHalfOfMembers)).Cast(ballot, true, OpenedAt.AddMinutes(1));
        var back = CanonicalJson.Deserialize<PollBook>(CanonicalJson.Serialize(cast.Book));

        Assert.Equal(cast.Receipt, back.Cast(ballot, true, OpenedAt.AddMinutes(2)).Receipt);
        Assert.Equal(VotingErrors.BallotAlreadyVoted, back.Cast(Ballot("thanhvien01", "nonce-second-ballot-xx", ["no"]), true, OpenedAt.AddMinutes(2)).Error?.Code);
        Assert.Null(BallotChain.FindFirstFault(back.Chain.Entries, cast.Book.Chain.Head, 1));
    }

    [Fact]
    public void Each_persisted_record_round_trips()
    {
        var book = VotedBook(Secrecy.Named).Close(OpenedAt.AddMinutes(5)).GetValueOrThrow();
        var result = book.Result().GetValueOrThrow();
        var ballot = Ballot("thanhvien01", "yes");

        AssertRoundTrips(result);
        AssertRoundTrips(result.Motion);
        AssertRoundTrips(Choice(MajorityRule.CustomFractionOfMembers(3, 5), options: 4, maxChoices: 3));
        AssertRoundTrips(result.Eligibility);
        AssertRoundTrips(result.Tally);
        AssertRoundTrips(result.Outcome);
        AssertRoundTrips(book.Chain);
        AssertRoundTrips(book.Chain.Entries[0]);
        AssertRoundTrips(book.Chain.Entries[0].Ballot);
        AssertRoundTrips(book.Chain.ReceiptFor(book.Chain.Entries[0]));
        AssertRoundTrips(ballot);
        AssertRoundTrips(ballot.Content);
        AssertRoundTrips(book.Participation());
        AssertRoundTrips(QuorumRule.None);
        AssertRoundTrips(MajorityRule.TwoThirdsOfPresent);
        AssertRoundTrips(VotingErrors.Get(VotingErrors.BallotAlreadyVoted));
    }

    [Fact]
    public void Result_document_bytes_are_stable_and_carry_the_chain_head()
    {
        var book = VotedBook(Secrecy.Secret).Close(OpenedAt.AddMinutes(5)).GetValueOrThrow();
        var result = book.Result().GetValueOrThrow();

        Assert.Equal(result.ToCanonicalBytes(), book.Result().GetValueOrThrow().ToCanonicalBytes());
        Assert.Equal((book.Chain.Head, 14), (result.ChainHead, result.BallotCount));
        Assert.Contains("\"kind\":\"yesNoAbstain\"", System.Text.Encoding.UTF8.GetString(result.ToCanonicalBytes()), StringComparison.Ordinal);
    }
}
