using System.Collections.Immutable;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Meetings;

/// <summary>Invitations and their answers, a new draft copied from another meeting, and who has read the documents.</summary>
public sealed partial class MeetingGrain
{
    public async Task<Result<InvitationView>> GetInvitationAsync(Actor actor)
    {
        var s = state.State;
        if (!s.Exists)
        {
            return Result<InvitationView>.Refused(ErrorCodes.MeetingNotFound);
        }

        if (!MeetingPermissions.MaySeeInvitation(s.Participants, s.Status, actor.UserName))
        {
            return Result<InvitationView>.Refused(ErrorCodes.NotInvited);
        }

        var organizationName = await OrganizationNameAsync();
        s = state.State;
        return MeetingPermissions.ParticipantOf(s.Participants, actor.UserName) is { } me
            ? Result<InvitationView>.Of(InvitationOf(s, me, organizationName))
            : Result<InvitationView>.Refused(ErrorCodes.NotInvited);
    }

    private async Task<string> OrganizationNameAsync() =>
        (await GrainFactory.GetGrain<IOrganizationGrain>(state.State.OrganizationId).GetProfileAsync())?.Name ?? state.State.OrganizationId;

    /// <summary>What <paramref name="me"/> is invited to, as their invitation page, the .ics file and the e-mailed invitation show it.</summary>
    private InvitationView InvitationOf(MeetingState s, Participant me, string organizationName) => new(
        MeetingId, s.OrganizationId, organizationName, s.Details, s.Status, me.Role, me.Answer,
        s.Participants.FirstOrDefault(p => p.Role == MeetingRole.Chair)?.DisplayName ?? "",
        s.Participants.FirstOrDefault(p => p.Role == MeetingRole.Secretary)?.DisplayName,
        MeetingPermissions.TakesPart(me, s.OrganizationId), s.InvitationSequence, me.DeputyFor,
        Math.Max(60, s.Agenda.Sum(i => i.PlannedMinutes)));

    public Task<CommandResult> AnswerInvitationAsync(Actor actor, InvitationAnswerInput answer) => ExecuteAsync(actor, async c =>
    {
        if (InvitationDecisions.Check(state.State, c, answer) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        Participant? deputy = null;
        if (answer.Kind == AnswerKind.Deputy)
        {
            var resolved = await ResolveAsync([new ParticipantInvite(answer.Deputy!.Trim(), MeetingRole.Guest)]);
            if (!resolved.Ok)
            {
                return Decision.Refuse(resolved.Error!.Code == ErrorCodes.UnknownUser.Code ? ErrorCodes.DeputyInvalid : resolved.Error);
            }

            deputy = resolved.Value[0];
        }

        // The directory was asked in between: decide on the state as it is now.
        return InvitationDecisions.Check(state.State, c, answer) is { } changed ? Decision.Refuse(changed) : InvitationDecisions.Answer(state.State, c, answer, deputy);
    });

    public async Task<CommandResult> CreateFromAsync(Actor actor, string sourceMeetingId, MeetingDetails details)
    {
        if (!MeetingKey.IsValid(sourceMeetingId ?? "") || sourceMeetingId == MeetingId)
        {
            return CommandResult.Refused(ErrorCodes.InvalidMeetingId);
        }

        var source = await GrainFactory.GetGrain<IMeetingGrain>(sourceMeetingId!).GetSnapshotAsync(actor);
        if (!source.Ok)
        {
            return CommandResult.Refused(source.Error!);
        }

        var from = source.Value!;
        var setup = new MeetingSetup(
            details ?? from.Details,
            [.. from.Participants.Where(p => p.DeputyFor is null).Select(p => new ParticipantInvite(p.UserName, p.Role))],
            [.. from.Agenda.Select(i => new AgendaItemInput(i.Title, i.Presenter, i.PlannedMinutes, i.Description))]);
        return await CreateAsync(actor, setup);
    }

    public async Task<Result<DocumentReadings>> GetDocumentReadingsAsync(Actor actor, string documentId)
    {
        var s = state.State;
        var refusal = !s.Exists ? ErrorCodes.MeetingNotFound
            : !MeetingAccess.CanPrepare(s, actor) ? ErrorCodes.Forbidden
            : s.Documents.All(d => d.DocumentId != documentId) ? ErrorCodes.DocumentNotFound
            : null;
        return refusal is not null ? Result<DocumentReadings>.Refused(refusal)
            : Result<DocumentReadings>.Of(await GrainFactory.GetGrain<IDocumentReadingsGrain>(IAnnotationGrain.KeyOf(MeetingId, documentId)).GetAsync());
    }
}
