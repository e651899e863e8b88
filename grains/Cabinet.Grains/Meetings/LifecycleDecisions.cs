using System.Collections.Immutable;
using Cabinet.Errors;

namespace Cabinet.Meetings;

/// <summary>Draft → Scheduled → Live → Closed, and the chair moving through the agenda while live.</summary>
internal static class LifecycleDecisions
{
    public const int MaxTitle = 300;
    public const int MaxPlace = 200;
    public const int MaxLink = 500;
    public const int MaxReason = 300;

    public static Decision Create(
        MeetingState s, MeetingCommand c, MeetingDetails details, ImmutableArray<Participant> participants, ImmutableArray<AgendaItemInput> agenda)
    {
        if (s.Exists)
        {
            return Decision.Refuse(ErrorCodes.MeetingExists);
        }

        var created = new MeetingState { Exists = true, OrganizationId = MeetingKey.OrganizationOf(c.MeetingId) };
        if ((CheckDetails(details) ?? CheckParticipants(participants)) is { } invalid)
        {
            return Decision.Refuse(invalid);
        }

        if (!People.OrganizationPermissions.MayOrganize(c.Actor, created.OrganizationId))
        {
            return Decision.Refuse(ErrorCodes.NotOrganizer);
        }

        agenda = agenda.IsDefault ? [] : agenda;
        if (agenda.Length > AgendaItemRules.MaxItems)
        {
            return Decision.Refuse(ErrorCodes.AgendaFull);
        }

        if (agenda.Select(AgendaItemRules.Check).FirstOrDefault(e => e is not null) is { } badItem)
        {
            return Decision.Refuse(badItem);
        }

        var next = created with
        {
            Details = details,
            Participants = participants,
            Attendance = Absent(participants),
            Agenda = agenda.Select((input, i) => AgendaItemRules.ToItem($"i{i + 1}", input)).ToImmutableArray(),
            NextItemNumber = agenda.Length + 1,
        };
        return Decision.Accept(
            next,
            c.EventOn(s, MeetingEventKinds.Created) with
            {
                Details = details, Status = MeetingStatus.Draft, Participants = participants, Agenda = next.Agenda,
            },
            new { details.Title, Participants = participants.Length, Agenda = agenda.Length });
    }

    public static Decision UpdateDetails(MeetingState s, MeetingCommand c, MeetingDetails details)
    {
        if ((CheckPreparable(s, c) ?? CheckDetails(details)) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        // A sent invitation changes when the time or the place does: calendars need a higher SEQUENCE to take it.
        var invitationChanged = s.Status != MeetingStatus.Draft
            && (details.ScheduledStart != s.Details.ScheduledStart || details.Place != s.Details.Place || details.OnlineLink != s.Details.OnlineLink || details.Title != s.Details.Title);
        return Decision.Accept(
            s with { Details = details, InvitationSequence = s.InvitationSequence + (invitationChanged ? 1 : 0) },
            c.EventOn(s, MeetingEventKinds.DetailsChanged) with { Details = details },
            new { details.Title, details.Place, details.ScheduledStart, details.Kind, details.OnlineLink });
    }

    public static Decision SetParticipants(MeetingState s, MeetingCommand c, ImmutableArray<Participant> participants)
    {
        if ((CheckPreparable(s, c) ?? CheckParticipants(participants)) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        participants = KeepAnswers(s.Participants, participants);
        var invited = participants.Select(p => p.UserName).ToHashSet(StringComparer.Ordinal);
        participants = participants.AddRange(s.Participants.Where(d => d.DeputyFor is { } member && invited.Contains(member) && !invited.Contains(d.UserName)));
        var attendance = participants
            .Select(p => s.Attendance.FirstOrDefault(a => a.UserName == p.UserName) ?? new Presence(p.UserName, false, null, null, false))
            .ToImmutableArray();
        return Decision.Accept(
            s with { Participants = participants, Attendance = attendance },
            c.EventOn(s, MeetingEventKinds.ParticipantsChanged) with { Participants = participants },
            new { Participants = participants.Select(p => new { p.UserName, p.Role }) });
    }

    /// <summary>What a batch must be before anyone in it is looked up: allowed, bounded, each person once, a real role.</summary>
    public static CabinetError? CheckBatch(MeetingState s, MeetingCommand c, ImmutableArray<ParticipantInvite> batch) =>
        CheckPreparable(s, c)
        ?? (batch.IsDefaultOrEmpty || batch.Length > ParticipantBatch.MaxSize
            ? ErrorCodes.Invalid($"Mỗi lần thêm từ 1 đến {ParticipantBatch.MaxSize} người.")
            : batch.Any(i => i is null || !IsInvitable(i.Role)) ? ErrorCodes.Invalid("Vai trò không hợp lệ.")
            : batch.Select(i => i.UserName).Distinct(StringComparer.Ordinal).Count() != batch.Length ? ErrorCodes.Invalid("Danh sách có người trùng nhau.")
            : null);

    /// <summary>Adds the batch (or changes the roles of people already invited); the meeting keeps exactly one chair.</summary>
    public static Decision AddParticipants(MeetingState s, MeetingCommand c, ImmutableArray<Participant> batch)
    {
        batch = KeepAnswers(s.Participants, batch);
        var participants = MeetingSnapshot.Upsert(s.Participants, batch);
        if (participants.Length > ParticipantBatch.MaxParticipants)
        {
            return Decision.Refuse(ErrorCodes.Invalid($"Cuộc họp có tối đa {ParticipantBatch.MaxParticipants} người tham dự."));
        }

        if (CheckParticipants(participants) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var present = s.Attendance.Select(a => a.UserName).ToHashSet(StringComparer.Ordinal);
        var arrivals = batch.Where(p => !present.Contains(p.UserName)).Select(p => new Presence(p.UserName, false, null, null, false)).ToImmutableArray();
        return Decision.Accept(
            s with { Participants = participants, Attendance = s.Attendance.AddRange(arrivals) },
            c.EventOn(s, MeetingEventKinds.ParticipantsAdded) with { ParticipantUpdates = batch, AttendanceUpdates = arrivals },
            new { Participants = batch.Select(p => new { p.UserName, p.Role }) });
    }

    /// <summary>Sends the invitations; the organisation's <paramref name="rules"/> become the meeting's.</summary>
    public static Decision Schedule(MeetingState s, MeetingCommand c, MeetingRules rules)
    {
        if (CheckPreparable(s, c) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        if (s.Status != MeetingStatus.Draft)
        {
            return Decision.Refuse(ErrorCodes.IllegalTransition);
        }

        return s.Agenda.IsEmpty
            ? Decision.Refuse(ErrorCodes.AgendaEmpty)
            : Decision.Accept(
                s with { Status = MeetingStatus.Scheduled, Rules = rules },
                c.EventOn(s, MeetingEventKinds.Scheduled) with { Status = MeetingStatus.Scheduled, Rules = rules },
                new { Quorum = $"{rules.Quorum.Numerator}/{rules.Quorum.Denominator}", Majority = rules.Majority.Kind.ToString(), rules.DeputiesVote });
    }

    public static Decision Cancel(MeetingState s, MeetingCommand c, string? reason)
    {
        if (CheckPreparable(s, c) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        if (s.Status is not (MeetingStatus.Draft or MeetingStatus.Scheduled))
        {
            return Decision.Refuse(ErrorCodes.IllegalTransition);
        }

        reason = reason?.Trim() ?? "";
        if (reason.Length > MaxReason)
        {
            return Decision.Refuse(ErrorCodes.Invalid($"Lý do tối đa {MaxReason} ký tự."));
        }

        return Decision.Accept(
            s with { Status = MeetingStatus.Cancelled, InvitationSequence = s.InvitationSequence + 1 },
            c.EventOn(s, MeetingEventKinds.Cancelled) with { Status = MeetingStatus.Cancelled },
            new { Reason = reason });
    }

    public static Decision Open(MeetingState s, MeetingCommand c)
    {
        if (!MeetingAccess.CanRun(s, c.Actor))
        {
            return Decision.Refuse(ErrorCodes.Forbidden);
        }

        if (s.Status != MeetingStatus.Scheduled)
        {
            return Decision.Refuse(s.Status == MeetingStatus.Closed ? ErrorCodes.MeetingClosed : ErrorCodes.IllegalTransition);
        }

        if (s.Agenda.IsEmpty)
        {
            return Decision.Refuse(ErrorCodes.AgendaEmpty);
        }

        var current = new CurrentItem(s.Agenda[0].Id, c.At);
        return Decision.Accept(
            s with { Status = MeetingStatus.Live, OpenedAt = c.At, Current = current, TakenUp = [current.ItemId] },
            c.EventOn(s, MeetingEventKinds.Opened) with { Status = MeetingStatus.Live, OpenedAt = c.At, Current = current },
            new { current.ItemId });
    }

    public static Decision Close(MeetingState s, MeetingCommand c)
    {
        if (!MeetingAccess.CanRun(s, c.Actor))
        {
            return Decision.Refuse(ErrorCodes.Forbidden);
        }

        if (s.Polls.Any(p => p.Status == Voting.Polls.PollStatus.Open))
        {
            return Decision.Refuse(ErrorCodes.PollOpen);
        }

        if (s.Status == MeetingStatus.Live && s.Floor.Speaking is not null)
        {
            return Decision.Refuse(ErrorCodes.FloorSpeaking);
        }

        return s.Status switch
        {
            MeetingStatus.Closed => Decision.Refuse(ErrorCodes.MeetingClosed),
            MeetingStatus.Live => Decision.Accept(
                // Nobody leads the viewers of a closed meeting.
                s with { Status = MeetingStatus.Closed, ClosedAt = c.At, SealPending = true, Follow = Documents.FollowState.Off },
                c.EventOn(s, MeetingEventKinds.Closed) with
                {
                    Status = MeetingStatus.Closed, ClosedAt = c.At, Follow = s.Follow.Active ? Documents.FollowState.Off : null,
                },
                new { }),
            _ => Decision.Refuse(ErrorCodes.IllegalTransition),
        };
    }

    private static CabinetError? CheckPreparable(MeetingState s, MeetingCommand c) =>
        !MeetingAccess.CanPrepare(s, c.Actor) ? ErrorCodes.Forbidden
        : s.Status == MeetingStatus.Closed ? ErrorCodes.MeetingClosed
        : s.Status == MeetingStatus.Cancelled ? ErrorCodes.MeetingCancelled
        : null;

    private static CabinetError? CheckDetails(MeetingDetails? d) =>
        d is null || string.IsNullOrWhiteSpace(d.Title) || d.Title.Length > MaxTitle
            ? ErrorCodes.Invalid($"Tên cuộc họp phải có từ 1 đến {MaxTitle} ký tự.")
            : (d.Place?.Length ?? 0) > MaxPlace ? ErrorCodes.Invalid($"Địa điểm tối đa {MaxPlace} ký tự.")
            : !Enum.IsDefined(d.Kind) ? ErrorCodes.Invalid("Loại cuộc họp không hợp lệ.")
            : d.OnlineLink is { Length: > 0 } link && !IsWebLink(link) ? ErrorCodes.Invalid($"Đường dẫn họp trực tuyến phải là địa chỉ https, tối đa {MaxLink} ký tự.")
            : null;

    /// <summary>The province's video-conference system is reached over TLS: https only, no credentials in the address.</summary>
    private static bool IsWebLink(string link) =>
        link.Length <= MaxLink && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.UserInfo);

    private static CabinetError? CheckParticipants(ImmutableArray<Participant> participants) =>
        participants.IsDefault || participants.Count(p => p.Role == MeetingRole.Chair) != 1 ? ErrorCodes.NoChair
        : participants.Select(p => p.UserName).Distinct().Count() != participants.Length ? ErrorCodes.Invalid("Một người chỉ có một vai trò.")
        : participants.Any(p => !IsInvitable(p.Role)) ? ErrorCodes.Invalid("Vai trò không hợp lệ.")
        : null;

    /// <summary>A person invited again keeps their answer (and a deputy stays one while their role is unchanged).</summary>
    private static ImmutableArray<Participant> KeepAnswers(ImmutableArray<Participant> before, ImmutableArray<Participant> next)
    {
        var old = before.ToDictionary(p => p.UserName, StringComparer.Ordinal);
        return [.. next.Select(p => old.TryGetValue(p.UserName, out var o)
            ? p with { Answer = o.Answer, DeputyFor = o.Role == p.Role ? o.DeputyFor : null }
            : p)];
    }

    /// <summary>The roles a person is invited with; <see cref="MeetingRole.Organizer"/> comes from the organisation, never from an invitation.</summary>
    public static bool IsInvitable(MeetingRole role) =>
        role is MeetingRole.Chair or MeetingRole.Secretary or MeetingRole.Delegate or MeetingRole.Guest or MeetingRole.Observer;

    private static ImmutableArray<Presence> Absent(ImmutableArray<Participant> participants) =>
        participants.Select(p => new Presence(p.UserName, false, null, null, false)).ToImmutableArray();
}
