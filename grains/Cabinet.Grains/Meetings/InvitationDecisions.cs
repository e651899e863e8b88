using System.Collections.Immutable;
using Cabinet.Errors;

namespace Cabinet.Meetings;

/// <summary>
/// A participant answers their invitation: attending, absent (with a reason), or a deputy who attends in their place.
/// A deputy becomes a participant of their own (<see cref="Participant.DeputyFor"/>): a delegate who holds the seat
/// when the meeting's rules let deputies vote, a guest otherwise. A new answer replaces the deputy named before.
/// </summary>
internal static class InvitationDecisions
{
    /// <summary>Checks an answer before the deputy (if any) is looked up.</summary>
    public static CabinetError? Check(MeetingState s, MeetingCommand c, InvitationAnswerInput? input)
    {
        if (MeetingPermissions.ParticipantOf(s.Participants, c.Actor.UserName) is not { } me || s.Status == MeetingStatus.Draft)
        {
            return ErrorCodes.NotInvited;
        }

        if (s.Status is MeetingStatus.Closed or MeetingStatus.Cancelled)
        {
            return ErrorCodes.InvitationClosed;
        }

        if (input is null || input.Kind is not (AnswerKind.Attending or AnswerKind.Absent or AnswerKind.Deputy) || me.DeputyFor is not null)
        {
            return ErrorCodes.Invalid("Câu trả lời không hợp lệ.");
        }

        if ((input.Reason?.Length ?? 0) > InvitationAnswer.MaxReason)
        {
            return ErrorCodes.Invalid($"Lý do tối đa {InvitationAnswer.MaxReason} ký tự.");
        }

        if (input.Kind != AnswerKind.Deputy)
        {
            return null;
        }

        var deputy = input.Deputy?.Trim();
        var taken = MeetingPermissions.ParticipantOf(s.Participants, deputy ?? "");
        return string.IsNullOrEmpty(deputy) || deputy == me.UserName || me.Role is MeetingRole.Chair
            || (taken is not null && taken.DeputyFor != me.UserName)
            ? ErrorCodes.DeputyInvalid
            : null;
    }

    /// <param name="deputy">The deputy as the directory knows them, for a <see cref="AnswerKind.Deputy"/> answer.</param>
    public static Decision Answer(MeetingState s, MeetingCommand c, InvitationAnswerInput input, Participant? deputy)
    {
        var me = MeetingPermissions.ParticipantOf(s.Participants, c.Actor.UserName)!;
        var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        var answer = new InvitationAnswer(input.Kind, reason, deputy?.UserName, c.At);
        var answered = me with { Answer = answer };
        var previousDeputy = Seats.DeputyOf(s.Participants, me.UserName);
        var participants = s.Participants.Replace(me, answered);
        if (previousDeputy is not null && previousDeputy.UserName != deputy?.UserName)
        {
            participants = participants.Remove(previousDeputy);
        }

        var attendance = s.Attendance;
        Participant? added = null;
        if (deputy is not null && previousDeputy?.UserName != deputy.UserName)
        {
            added = deputy with
            {
                Role = s.EffectiveRules.DeputiesVote && me.IsMember ? MeetingRole.Delegate : MeetingRole.Guest,
                DeputyFor = me.UserName,
                Answer = new InvitationAnswer(AnswerKind.Attending, At: c.At),
            };
            participants = participants.Add(added);
            if (attendance.All(a => a.UserName != added.UserName))
            {
                attendance = attendance.Add(new Presence(added.UserName, false, null, null, false));
            }
        }

        var removed = previousDeputy is not null && !participants.Contains(previousDeputy) && previousDeputy.UserName != added?.UserName;
        var arrival = added is null ? null : attendance.FirstOrDefault(a => a.UserName == added.UserName);
        return Decision.Accept(
            s with { Participants = participants, Attendance = attendance },
            c.EventOn(s, MeetingEventKinds.InvitationAnswered) with
            {
                // Removing someone needs the whole list; otherwise only who changed travels.
                Participants = removed ? participants : null,
                ParticipantUpdates = removed ? null : added is null ? [answered] : [answered, added],
                AttendanceUpdates = arrival is null ? null : [arrival],
            },
            new { Answer = input.Kind, Reason = reason, Deputy = deputy?.UserName });
    }
}
