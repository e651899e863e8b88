using Cabinet.Voting.Canonical;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Polls;
using Cabinet.Voting.Tallying;
using static Cabinet.Voting.Tests.Fixtures;

namespace Cabinet.Voting.Tests;

/// <summary>A book stored without its ballots and put back together from them (the poll grain's journal and its small state).</summary>
public sealed class PollBookStorageTests
{
    private static PollBook Voted(Secrecy secrecy) =>
        VoteYesNo(Open(YesNo(MajorityRule.MoreThanHalfOfMembers, secrecy)), yes: 5, no: 3, abstain: 1);

    [Theory]
    [InlineData(Secrecy.Named)]
    [InlineData(Secrecy.Secret)]
    public void A_book_put_back_from_its_ballots_and_marks_is_the_book_that_was_stored(Secrecy secrecy)
    {
        var book = Voted(secrecy);
        var marks = VoterMarks.Of(book.Eligibility, book.VotersWhoVoted);

        var back = book.WithoutBallots().WithBallots(book.Chain.Entries, book.Chain.Head, VoterMarks.Read(book.Eligibility, marks));

        Assert.Equal((book.Eligibility.Voters.Length + 7) / 8, marks.Length);
        Assert.Equal(book.Chain.Entries, back.Chain.Entries);
        Assert.Equal(book.VotersWhoVoted.Order(), back.VotersWhoVoted.Order());
        Assert.Equal(CanonicalJson.SerializeToString(book.Tally()), CanonicalJson.SerializeToString(back.Tally()));
        Assert.Equal(book.Participation(), back.Participation());
    }

    [Fact]
    public void Ballots_that_are_not_the_stored_chain_or_its_voters_are_refused()
    {
        var book = Voted(Secrecy.Named);
        var stored = book.WithoutBallots();
        var entries = book.Chain.Entries;

        Assert.Throws<InvalidDataException>(() => stored.WithBallots(entries[..^1], book.Chain.Head, book.VotersWhoVoted));
        Assert.Throws<InvalidDataException>(() => stored.WithBallots(entries, book.Chain.Head, book.VotersWhoVoted.Remove(book.VotersWhoVoted.First())));
        Assert.Throws<InvalidDataException>(() => stored.WithBallots(entries, book.Chain.Head, book.VotersWhoVoted.Remove(book.VotersWhoVoted.First()).Add("khachmoi")));
    }
}
