using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>What a command changed in the meeting's index entries, as a debt to pay after the state is stored.</summary>
internal static class MeetingIndexing
{
    /// <summary>Meetings stored before the indexes existed have 0 and are pushed whole on activation.</summary>
    public const int Schema = 1;

    public static string OrganizationShard(MeetingState s) =>
        MeetingIndexKeys.OrganizationShard(s.OrganizationId, MeetingIndexKeys.Month(s.Details.ScheduledStart));

    public static string PersonShard(MeetingState s, string userName) =>
        MeetingIndexKeys.PersonShard(userName, MeetingIndexKeys.Year(s.Details.ScheduledStart));

    public static MeetingListing Listing(string meetingId, MeetingState s) =>
        new(meetingId, s.OrganizationId, s.Details, s.Status, s.Agenda.Length, s.Version);

    public static Invitation Invitation(string meetingId, MeetingState s, Participant p) =>
        new(meetingId, s.OrganizationId, MeetingIndexKeys.Month(s.Details.ScheduledStart), p.Role, s.Version,
            MeetingPermissions.TakesPart(p, s.OrganizationId), p.AnswerKind);

    /// <summary>The debt after <paramref name="next"/> replaces <paramref name="before"/>: the same object when nothing changed.</summary>
    public static MeetingIndexDebt? Debt(MeetingState before, MeetingState next)
    {
        var owed = before.IndexDebt;
        if (!next.Exists)
        {
            return owed;
        }

        if (!before.Exists || before.IndexSchema < Schema)
        {
            return Merge(owed, MeetingIndexDebt.All, next);
        }

        var listing = before.OrganizationId != next.OrganizationId || before.Details != next.Details
            || before.Status != next.Status || before.Agenda.Length != next.Agenda.Length;
        var monthMoved = MeetingIndexKeys.Month(before.Details.ScheduledStart) != MeetingIndexKeys.Month(next.Details.ScheduledStart);
        if (!listing && before.Participants == next.Participants)
        {
            return owed;
        }

        var oldRoles = before.Participants.ToDictionary(p => p.UserName, p => (p.Role, p.AnswerKind), StringComparer.Ordinal);
        var stillInvited = next.Participants.Select(p => p.UserName).ToHashSet(StringComparer.Ordinal);
        var change = new MeetingIndexDebt
        {
            Listing = listing,
            Invited = [.. next.Participants.Where(p => monthMoved || !oldRoles.TryGetValue(p.UserName, out var old) || old != (p.Role, p.AnswerKind)).Select(p => p.UserName)],
            OrganizationRemovals = OrganizationShard(before) == OrganizationShard(next) ? [] : [OrganizationShard(before)],
            PersonRemovals = [.. before.Participants
                .Where(p => !stillInvited.Contains(p.UserName) || PersonShard(before, p.UserName) != PersonShard(next, p.UserName))
                .Select(p => PersonShard(before, p.UserName))],
        };
        return change is { Listing: false, Invited.IsEmpty: true, OrganizationRemovals.IsEmpty: true, PersonRemovals.IsEmpty: true }
            ? owed
            : Merge(owed, change, next);
    }

    /// <summary>Both debts together; a shard the meeting is in again is not one to remove it from.</summary>
    public static MeetingIndexDebt Merge(MeetingIndexDebt? owed, MeetingIndexDebt change, MeetingState next)
    {
        var current = next.Participants.Select(p => PersonShard(next, p.UserName)).ToHashSet(StringComparer.Ordinal);
        return new MeetingIndexDebt
        {
            Listing = change.Listing || owed is { Listing: true },
            Everything = change.Everything || owed is { Everything: true },
            Invited = [.. (owed?.Invited ?? []).Union(change.Invited, StringComparer.Ordinal)],
            OrganizationRemovals = [.. (owed?.OrganizationRemovals ?? []).Union(change.OrganizationRemovals, StringComparer.Ordinal)
                .Where(k => k != OrganizationShard(next))],
            PersonRemovals = [.. (owed?.PersonRemovals ?? []).Union(change.PersonRemovals, StringComparer.Ordinal).Where(k => !current.Contains(k))],
        };
    }
}
