using Cabinet.Voting.Motions;
using Cabinet.Voting.Voters;

namespace Cabinet.Voting.Tallying;

/// <summary>
/// Decides a poll from its frozen eligibility and tally. Order: quorum, then the chair's tie-break (yes == no &gt; 0,
/// or several options tied for the lead, under a rule that allows it: the side or option the chair voted for wins,
/// as the local-government rule says, without the majority threshold), then the majority rule. A yes/no motion
/// also needs more yes than no, so a small custom fraction cannot pass a motion most voters rejected.
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
            : yes == no && yes > 0 && rule.ChairBreaksTies && chairTookSide ? (chairSide == YesNoChoices.Yes, DecidedBy.ChairTieBreak)
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
        else if (leaders.Count > 1 && rule.ChairBreaksTies && chairPicks.Count == 1)
        {
            (candidate, decidedBy) = (chairPicks[0], DecidedBy.ChairTieBreak);
        }
        else if (leaders.Count > 1)
        {
            decidedBy = DecidedBy.Tie;
        }

        // As for yes/no, the chair's pick among tied leaders wins without the threshold: tied leaders can never
        // reach a "more than half" rule, so requiring it would make the tie-break meaningless.
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
