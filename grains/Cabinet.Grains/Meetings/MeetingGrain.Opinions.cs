using Cabinet.Errors;
using Cabinet.Opinions;
using Cabinet.People;

namespace Cabinet.Meetings;

/// <summary>Outcomes of opinion ballots attached to agenda items (<see cref="OpinionOutcomeDecisions"/>).</summary>
public sealed partial class MeetingGrain
{
    public Task<CommandResult> AttachOpinionOutcomeAsync(Actor actor, string itemId, string ballotId) => ExecuteAsync(actor, async c =>
    {
        if (OpinionOutcomeDecisions.CheckAttach(state.State, c, itemId, ballotId) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        // The ballot decides whether this person may publish its result (they must be able to follow its answers).
        var outcome = await GrainFactory.GetGrain<IOpinionBallotGrain>(ballotId).GetOutcomeAsync(actor);
        return outcome.Ok ? OpinionOutcomeDecisions.Attach(state.State, c, itemId, outcome.Value!) : Decision.Refuse(outcome.Error!);
    });

    public Task<CommandResult> DetachOpinionOutcomeAsync(Actor actor, string itemId) =>
        ExecuteAsync(actor, c => OpinionOutcomeDecisions.Detach(state.State, c, itemId));

    public Task<Result<OpinionOutcome>> GetOpinionOutcomeAsync(Actor actor, string itemId) => Task.FromResult(OutcomeFor(actor, itemId));

    private Result<OpinionOutcome> OutcomeFor(Actor actor, string itemId)
    {
        var read = Query(actor, s => s.Agenda.FirstOrDefault(i => i.Id == itemId)?.OpinionOutcome);
        return !read.Ok ? Result<OpinionOutcome>.Refused(read.Error!)
            : read.Value is { } outcome && MeetingPermissions.CanReadDocuments(MeetingAccess.RoleOf(state.State, actor)) ? Result<OpinionOutcome>.Of(outcome)
            : Result<OpinionOutcome>.Refused(ErrorCodes.OpinionOutcomeNotAttached);
    }
}
