using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Opinions;

namespace Cabinet.Meetings;

/// <summary>
/// The outcome of a closed opinion ballot of the meeting's own organisation, attached to an agenda item by those who
/// prepare the agenda (and detached again) until the meeting is over; the agenda then carries it to every screen.
/// </summary>
internal static class OpinionOutcomeDecisions
{
    /// <summary>What can be refused before the ballot is asked for its outcome.</summary>
    public static CabinetError? CheckAttach(MeetingState s, MeetingCommand c, string itemId, string ballotId) =>
        AgendaDecisions.CheckEditable(s, c, whileLive: true)
        ?? (s.Agenda.Any(i => i.Id == itemId) ? null : ErrorCodes.AgendaItemNotFound)
        ?? (!OpinionKey.IsValid(ballotId) ? ErrorCodes.OpinionNotFound
            : OpinionKey.OrganizationOf(ballotId) != s.OrganizationId ? ErrorCodes.OpinionOtherOrganization
            : null);

    public static Decision Attach(MeetingState s, MeetingCommand c, string itemId, OpinionOutcome outcome)
    {
        if (CheckAttach(s, c, itemId, outcome.BallotId) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var agenda = s.Agenda.Select(i => i.Id == itemId ? i with { OpinionOutcome = outcome } : i).ToImmutableArray();
        return Decision.Accept(
            s with { Agenda = agenda },
            c.EventOn(s, MeetingEventKinds.OpinionOutcomeAttached) with { Agenda = agenda },
            new { ItemId = itemId, outcome.BallotId, outcome.Title, outcome.ReportSha256 });
    }

    public static Decision Detach(MeetingState s, MeetingCommand c, string itemId)
    {
        if (AgendaDecisions.CheckEditable(s, c, whileLive: true) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var item = s.Agenda.FirstOrDefault(i => i.Id == itemId);
        if (item?.OpinionOutcome is not { } outcome)
        {
            return Decision.Refuse(item is null ? ErrorCodes.AgendaItemNotFound : ErrorCodes.OpinionOutcomeNotAttached);
        }

        var agenda = s.Agenda.Replace(item, item with { OpinionOutcome = null });
        return Decision.Accept(
            s with { Agenda = agenda },
            c.EventOn(s, MeetingEventKinds.OpinionOutcomeDetached) with { Agenda = agenda },
            new { ItemId = itemId, outcome.BallotId });
    }
}
