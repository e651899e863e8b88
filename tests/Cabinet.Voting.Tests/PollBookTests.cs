using Cabinet.Voting.Ballots;
using Cabinet.Voting.Errors;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Polls;
using Cabinet.Voting.Tallying;
using Cabinet.Voting.Voters;
using static Cabinet.Voting.Tests.Fixtures;

namespace Cabinet.Voting.Tests;

public sealed class PollBookTests
{
    private static readonly DateTimeOffset Now = OpenedAt.AddMinutes(1);
    private static readonly PollBook Book = Open(YesNo(MajorityRule.MoreThanHalfOfMembers));

    private static string? Refusal(PollBook book, SignedBallot ballot, bool signatureOk = true) =>
        book.Cast(ballot, signatureOk, Now).Error?.Code;

    [Fact]
    public void Same_ballot_again_returns_the_same_receipt_and_counts_once()
    {
        var ballot = Ballot("thanhvien01", "yes");
        var first = Book.Cast(ballot, true, Now);
        var again = first.Book.Cast(ballot, true, Now.AddSeconds(5));

        Assert.True(again.Replayed);
        Assert.Equal(first.Receipt, again.Receipt);
        Assert.Same(first.Book, again.Book);
        Assert.Equal(1, again.Book.Tally().BallotCount);
    }

    [Fact]
    public void A_second_different_ballot_from_the_same_voter_is_refused()
    {
        var book = Book.Cast(Ballot("thanhvien01", "yes"), true, Now).Book;

        Assert.Equal(VotingErrors.BallotAlreadyVoted, Refusal(book, Ballot("thanhvien01", "nonce-another-0123456", ["no"])));
    }

    [Fact]
    public void Refusals_have_stable_codes()
    {
        var good = Ballot("thanhvien01", "yes");
        var content = good.Content;

        Assert.Equal(VotingErrors.BallotNotEligible, Refusal(Book, Ballot("khachmoi", "yes")));
        Assert.Equal(VotingErrors.BallotWrongPoll, Refusal(Book, good with { Content = content with { PollId = "poll-2" } }));
        Assert.Equal(VotingErrors.BallotWrongPoll, Refusal(Book, good with { Content = content with { MeetingId = "other" } }));
        Assert.Equal(VotingErrors.BallotBadSignature, Refusal(Book, good, signatureOk: false));
        Assert.Equal(VotingErrors.BallotInvalidChoice, Refusal(Book, Ballot("thanhvien01", "maybe")));
        Assert.Equal(VotingErrors.BallotInvalidChoice, Refusal(Book, Ballot("thanhvien01", "yes", "no")));
        Assert.Equal(VotingErrors.BallotInvalidChoice, Refusal(Book, Ballot("thanhvien01")));
        Assert.Equal(VotingErrors.BallotMalformed, Refusal(Book, good with { Content = content with { Nonce = "short" } }));
        Assert.Equal(VotingErrors.BallotMalformed, Refusal(Book, good with { Content = content with { Nonce = new string('a', 15) + "=" } }));
        Assert.Equal(VotingErrors.BallotMalformed, Refusal(Book, good with { Content = content with { CastAt = default } }));
        Assert.Equal(VotingErrors.BallotMalformed, Refusal(Book, good with { Content = content with { CastAt = Now.AddHours(1) } }));
        Assert.Equal(VotingErrors.BallotMalformed, Refusal(Book, good with { Content = content with { Voter = "Nguyễn Văn A" } }));
    }

    [Fact]
    public void Closed_and_cancelled_polls_refuse_ballots_and_a_second_close()
    {
        var closed = Book.Close(Now).GetValueOrThrow();
        var cancelled = Book.Cancel("Chủ tọa hủy do nhầm nội dung", Now).GetValueOrThrow();

        Assert.Equal(VotingErrors.PollClosed, Refusal(closed, Ballot("thanhvien01", "yes")));
        Assert.Equal(VotingErrors.PollCancelled, Refusal(cancelled, Ballot("thanhvien01", "yes")));
        Assert.Equal(VotingErrors.PollClosed, closed.Close(Now).Error?.Code);
        Assert.Equal(VotingErrors.PollCancelled, cancelled.Result().Error?.Code);
        Assert.Equal(VotingErrors.PollNotClosed, Book.Result().Error?.Code);
        Assert.Equal(VotingErrors.PollInvalidReason, Book.Cancel(" ", Now).Error?.Code);
    }

    [Fact]
    public void Replay_after_close_still_returns_the_original_receipt()
    {
        var ballot = Ballot("thanhvien01", "yes");
        var cast = Book.Cast(ballot, true, Now);
        var again = cast.Book.Close(Now).GetValueOrThrow().Cast(ballot, true, Now.AddMinutes(1));

        Assert.Equal(cast.Receipt, again.Receipt);
    }

    [Fact]
    public void Secret_poll_keeps_who_voted_but_no_name_on_any_ballot()
    {
        var book = VoteYesNo(Open(YesNo(MajorityRule.MoreThanHalfOfMembers, Secrecy.Secret)), 5, 3, 1, "yes");

        Assert.All(book.Chain.Entries, e => Assert.Null(e.Ballot.Voter));
        Assert.Equal(9, book.VotersWhoVoted.Count);
        Assert.Empty(book.Tally().ChairChoices);
        Assert.Equal(new Participation(9, 15, 9, 15), book.Participation());
        var chainJson = System.Text.Encoding.UTF8.GetString(Canonical.CanonicalJson.Serialize(book.Chain));
        Assert.DoesNotContain(Chair, chainJson, StringComparison.Ordinal);
        Assert.DoesNotContain("thanhvien", chainJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_poll_keeps_the_voter_on_each_ballot_and_every_receipt_is_in_the_chain()
    {
        var receipts = new List<Receipt>();
        var book = Book;
        foreach (var voter in Members(15).Take(4))
        {
            var cast = book.Cast(Ballot(voter, "yes"), true, Now);
            receipts.Add(cast.Receipt!);
            book = cast.Book;
        }

        Assert.Equal(Members(15).Take(4), book.Chain.Entries.Select(e => e.Ballot.Voter));
        Assert.All(receipts, r => Assert.True(book.Chain.Contains(r)));
        Assert.False(book.Chain.Contains(receipts[0] with { ChainHash = receipts[1].ChainHash }));
    }

    [Fact]
    public void Open_refuses_invalid_motion_eligibility_and_ids()
    {
        var motion = YesNo(MajorityRule.MoreThanHalfOfMembers);

        Assert.Equal(VotingErrors.MotionTitleTooLong, PollBook.Open(MeetingId, PollId, motion with { Title = new string('x', 501) }, AllPresent(), OpenedAt).Error?.Code);
        Assert.Equal(VotingErrors.PollInvalidId, PollBook.Open(MeetingId, "", motion, AllPresent(), OpenedAt).Error?.Code);
        Assert.Equal(VotingErrors.EligibilityInconsistent, PollBook.Open(MeetingId, PollId, motion, AllPresent() with { MemberCount = 3 }, OpenedAt).Error?.Code);
    }
}
