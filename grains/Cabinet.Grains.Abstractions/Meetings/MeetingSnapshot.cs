using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// The whole live state of a meeting at one <see cref="Version"/>: what a client shows after joining or catching up.
/// <see cref="ServerTime"/> is the server's clock when the snapshot was read (not meeting state; events leave it as it
/// was): a client keeps the offset to its own clock and runs elapsed and speaking times from the server's time.
/// <see cref="Quorum"/> is worked out by the meeting and carried by every event that changes it, so a client never
/// needs the whole participant list to show it. With <see cref="RosterPaged"/> (the hub's form, <see cref="ForPerson"/>)
/// <see cref="Participants"/> and <see cref="Attendance"/> hold only the reader's own entries: the room list is read
/// in pages (<see cref="RosterPage"/>), so a join costs the same whatever the meeting's size.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.meeting-snapshot")]
public sealed record MeetingSnapshot(
    string MeetingId,
    long Version,
    string OrganizationId,
    MeetingDetails Details,
    MeetingStatus Status,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    ImmutableArray<AgendaItem> Agenda,
    CurrentItem? Current,
    ImmutableArray<Participant> Participants,
    ImmutableArray<Presence> Attendance,
    FloorSnapshot Floor,
    ImmutableArray<Polls.PollView> Polls,
    ImmutableArray<Closing.ConclusionView> Conclusions,
    Closing.ArchiveInfo? Archive,
    ImmutableArray<Documents.DocumentView> Documents,
    Documents.FollowState Follow,
    MeetingRules Rules,
    MeetingQuorum Quorum,
    DateTimeOffset? ServerTime = null,
    Closing.MinutesView? Minutes = null,
    bool RosterPaged = false)
{
    /// <summary>
    /// This snapshot as <paramref name="userName"/> receives it over the hub: the participant and attendance lists cut
    /// to their own entries (their role, whether they may lead, their presence), everything else as it is.
    /// </summary>
    public MeetingSnapshot ForPerson(string userName) => this with
    {
        Participants = [.. Participants.Where(p => p.UserName == userName)],
        Attendance = [.. Attendance.Where(a => a.UserName == userName)],
        RosterPaged = true,
    };

    /// <summary>The poll now open, if any (at most one at a time).</summary>
    public Polls.PollView? OpenPoll => Polls.FirstOrDefault(p => p.Status == Voting.Polls.PollStatus.Open);

    public AgendaItem? CurrentAgendaItem =>
        Current is null ? null : Agenda.FirstOrDefault(i => i.Id == Current.ItemId);

    public MeetingRole RoleOf(string userName) =>
        Participants.FirstOrDefault(p => p.UserName == userName)?.Role ?? MeetingRole.None;

    /// <summary>Whether this person may lead "follow me" now (the grain decides; pages use it to offer the button).</summary>
    public bool MayLead(string userName) =>
        Status == MeetingStatus.Live && Cabinet.Documents.FollowRules.MayLead(Participants, Agenda, Current, userName);

    public bool IsConnected(string userName) =>
        Attendance.Any(a => a.UserName == userName && a.Connected);

    /// <summary>
    /// Applies the next event. Each non-null part of the event replaces that part of the snapshot;
    /// an attendance entry (one, or several at once) replaces the entry of the same person.
    /// </summary>
    /// <exception cref="InvalidOperationException">The event is not the next version: the caller must catch up first.</exception>
    public MeetingSnapshot Apply(MeetingEvent e)
    {
        if (e.Version != Version + 1)
        {
            throw new InvalidOperationException($"Event {e.Version} cannot follow version {Version}.");
        }

        return this with
        {
            Version = e.Version,
            Details = e.Details ?? Details,
            Status = e.Status ?? Status,
            OpenedAt = e.OpenedAt ?? OpenedAt,
            ClosedAt = e.ClosedAt ?? ClosedAt,
            Agenda = e.Agenda ?? Agenda,
            Current = e.Current ?? Current,
            Participants = e.Participants ?? (e.ParticipantUpdates is { } added ? Upsert(Participants, added) : Participants),
            Attendance = (e.AttendanceUpdates ?? []).Aggregate(e.AttendanceUpdate is { } update ? Upsert(Attendance, update) : Attendance, Upsert),
            Floor = e.Floor is { } floor ? Floor.Apply(floor) : Floor,
            Polls = e.PollUpdate is { } poll ? Upsert(Polls, poll) : Polls,
            Conclusions = e.ConclusionUpdate is { } conclusion ? Upsert(Conclusions, conclusion) : Conclusions,
            Archive = e.Archive ?? Archive,
            Documents = e.DocumentUpdate is { } document ? Upsert(Documents, document) : Documents,
            Follow = e.Follow ?? Follow,
            Rules = e.Rules ?? Rules,
            Quorum = e.Quorum ?? Quorum,
            Minutes = e.Minutes ?? Minutes,
        };
    }

    /// <summary>Added people join at the end, people already there take their new role in place (one pass, any size).</summary>
    public static ImmutableArray<Participant> Upsert(ImmutableArray<Participant> participants, ImmutableArray<Participant> updates)
    {
        var changed = updates.ToDictionary(p => p.UserName, StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<Participant>(participants.Length + updates.Length);
        foreach (var p in participants)
        {
            result.Add(changed.Remove(p.UserName, out var update) ? update : p);
        }

        result.AddRange(updates.Where(u => changed.ContainsKey(u.UserName)));
        return result.ToImmutable();
    }

    private static ImmutableArray<Presence> Upsert(ImmutableArray<Presence> attendance, Presence update)
    {
        var index = attendance.IndexOf(attendance.FirstOrDefault(a => a.UserName == update.UserName)!);
        return index >= 0 ? attendance.SetItem(index, update) : attendance.Add(update);
    }

    private static ImmutableArray<Closing.ConclusionView> Upsert(ImmutableArray<Closing.ConclusionView> all, Closing.ConclusionView update)
    {
        var index = all.IndexOf(all.FirstOrDefault(c => c.ItemId == update.ItemId)!);
        return index >= 0 ? all.SetItem(index, update) : all.Add(update);
    }

    private static ImmutableArray<Documents.DocumentView> Upsert(ImmutableArray<Documents.DocumentView> all, Documents.DocumentView update)
    {
        var index = all.IndexOf(all.FirstOrDefault(d => d.DocumentId == update.DocumentId)!);
        return index >= 0 ? all.SetItem(index, update) : all.Add(update);
    }

    private static ImmutableArray<Polls.PollView> Upsert(ImmutableArray<Polls.PollView> polls, Polls.PollView update)
    {
        var index = polls.IndexOf(polls.FirstOrDefault(p => p.PollId == update.PollId)!);
        return index >= 0 ? polls.SetItem(index, update) : polls.Add(update);
    }
}
