using Cabinet.Voting.Motions;
using Cabinet.Voting.Voters;

namespace Cabinet.Voting.Tallying;

/// <summary>
/// Decides a poll from its frozen eligibility and tally. Order: quorum, then the chair's tie-break, then the majority
/// rule. The tie-break (local-government rule: when for and against are equal, the side the chair voted for wins)
/// applies to yes == no &gt; 0, or to several options tied for the lead, under a rule that allows it, and only when
/// the chair's side would meet the threshold with one more vote — the chair's vote counts as a casting vote. So
/// 7–7 on 15 members follows the chair, while 1–1 on 15 members fails: a tie among a few voters is not a majority
/// of the members. A yes/no motion also needs more yes than no, so a small custom fraction cannot pass a motion
/// most voters rejected.
/// A secret poll keeps no one's choice, the chair's included, so a tie there is never broken (it fails).
/// </summary>
public static class PollDecision
{
    public static PollOutcome Decide(Motion motion, Eligibility eligibility, Tally tally) =>
        motion.Kind == MotionKind.YesNoAbstain
            ? DecideYesNo(motion, eligibility, tally)
            : DecideChoice(motion, eligibility, tally);

    private static PollOutcome DecideYesNo(Motion motion, Eligibility eligibility, Tally tally)
    {
        var rule = motion.Majority;
        var basis = rule.BasisValue(eligibility, tally);
        var required = rule.RequiredVotes(basis);
        var yes = tally.CountOf(YesNoChoices.Yes);
        var no = tally.CountOf(YesNoChoices.No);
        var chairSide = tally.ChairChoices.Length == 1 ? tally.ChairChoices[0] : null;
        var chairTookSide = chairSide is YesNoChoices.Yes or YesNoChoices.No;

        var (passed, decidedBy) =
            !motion.Quorum.IsMet(eligibility) ? (false, DecidedBy.Quorum)
            : yes == no && yes > 0 && rule.ChairBreaksTies && chairTookSide && yes + 1 >= required ? (chairSide == YesNoChoices.Yes, DecidedBy.ChairTieBreak)
            : yes == no && yes > 0 && rule.ChairBreaksTies ? (false, DecidedBy.Tie)
            : (yes >= required && yes > no, DecidedBy.Majority);

        var outcome = Numbers(motion, eligibility, tally, passed, null, decidedBy, required, basis, yes, no);
        var (vi, en) = OutcomeText.ForYesNo(motion, outcome, chairSide);
        return outcome with { ExplanationVi = vi, ExplanationEn = en };
    }

    private static PollOutcome DecideChoice(Motion motion, Eligibility eligibility, Tally tally)
    {
        var rule = motion.Majority;
        var basis = rule.BasisValue(eligibility, tally);
        var required = rule.RequiredVotes(basis);
        var options = tally.Counts.Where(c => motion.Options.Any(o => o.Id == c.Choice)).ToList();
        var top = options.Count == 0 ? 0 : options.Max(c => c.Votes);
        List<string> leaders = top == 0 ? [] : options.Where(c => c.Votes == top).Select(c => c.Choice).ToList();
        var chairPicks = leaders.Intersect(tally.ChairChoices, StringComparer.Ordinal).ToList();

        string? candidate = null;
        var decidedBy = DecidedBy.Majority;
        if (!motion.Quorum.IsMet(eligibility))
        {
            decidedBy = DecidedBy.Quorum;
        }
        else if (leaders.Count == 1)
        {
            candidate = leaders[0];
        }
        else if (leaders.Count > 1 && rule.ChairBreaksTies && chairPicks.Count == 1 && top + 1 >= required)
        {
            (candidate, decidedBy) = (chairPicks[0], DecidedBy.ChairTieBreak);
        }
        else if (leaders.Count > 1)
        {
            decidedBy = DecidedBy.Tie;
        }

        // As for yes/no, the chair's pick among tied leaders wins when its votes plus the casting vote meet the threshold.
        var winner = decidedBy == DecidedBy.ChairTieBreak || (candidate is not null && top >= required) ? candidate : null;

        var outcome = Numbers(motion, eligibility, tally, winner is not null, winner, decidedBy, required, basis, top, 0);
        var (vi, en) = OutcomeText.ForChoice(motion, outcome, leaders.Count);
        return outcome with { ExplanationVi = vi, ExplanationEn = en };
    }

    private static PollOutcome Numbers(
        Motion motion, Eligibility eligibility, Tally tally, bool passed, string? winner, DecidedBy decidedBy,
        long required, long basis, long yes, long no) =>
        new(passed, winner, motion.Quorum.IsMet(eligibility), decidedBy, motion.Majority.Kind, required, basis,
            yes, no, tally.Abstain, tally.VotesCast, eligibility.MemberCount, eligibility.PresentCount,
            motion.Quorum.RequiredPresent(eligibility.MemberCount), "", "");
}
