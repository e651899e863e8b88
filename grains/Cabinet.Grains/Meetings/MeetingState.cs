using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Cabinet.Voting.Ledger;

namespace Cabinet.Meetings;

/// <summary>
/// The persisted state of one meeting. Immutable: a command builds the next state, and the grain keeps the
/// previous one until storage has accepted the write, so a failed write changes nothing in memory either.
/// Bounded by the meeting's size, not its age: the ledger is in the journal (<see cref="Ledger.ILedgerJournal"/>).
/// </summary>
[GenerateSerializer]
public sealed record MeetingState
{
    /// <summary>How many of the ledger's last entries the state keeps: the head and enough to repair a journal that lags.</summary>
    public const int LedgerTailLength = 32;

    [Id(0)] public bool Exists { get; init; }
    [Id(1)] public string OrganizationId { get; init; } = "";
    [Id(2)] public MeetingDetails Details { get; init; } = new("", "", DateTimeOffset.MinValue);
    [Id(3)] public MeetingStatus Status { get; init; }
    [Id(4)] public DateTimeOffset? OpenedAt { get; init; }
    [Id(5)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(6)] public ImmutableArray<AgendaItem> Agenda { get; init; } = [];
    [Id(7)] public CurrentItem? Current { get; init; }
    [Id(8)] public ImmutableArray<Participant> Participants { get; init; } = [];
    [Id(9)] public ImmutableArray<Presence> Attendance { get; init; } = [];
    [Id(10)] public long Version { get; init; }
    [Id(11)] public int NextItemNumber { get; init; } = 1;
    /// <summary>
    /// The ledger's last entries, oldest first; the last is the head. Stored under the old name "Ledger": a state
    /// written before the journal existed holds its whole ledger here, and activation moves it into the journal.
    /// </summary>
    [Id(12), JsonPropertyName("Ledger")] public ImmutableList<LedgerEntry> LedgerTail { get; init; } = [];
    [Id(13)] public FloorSnapshot Floor { get; init; } = FloorSnapshot.Empty;
    [Id(14)] public ImmutableArray<Polls.PollView> Polls { get; init; } = [];
    [Id(15)] public int NextPollNumber { get; init; } = 1;
    [Id(16)] public ImmutableArray<Closing.ConclusionView> Conclusions { get; init; } = [];
    [Id(17)] public ImmutableDictionary<string, ImmutableArray<string>> ConclusionDrafts { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;
    [Id(18)] public bool SealPending { get; init; }
    [Id(19)] public Closing.ArchiveInfo? Archive { get; init; }
    [Id(20)] public ImmutableArray<Documents.DocumentView> Documents { get; init; } = [];
    [Id(21)] public Documents.FollowState Follow { get; init; } = Cabinet.Documents.FollowState.Off;
    [Id(22)] public int NextDocumentNumber { get; init; } = 1;
    [Id(23)] public MeetingIndexDebt? IndexDebt { get; init; }
    [Id(24)] public int IndexSchema { get; init; }
    /// <summary>The organisation's rules, copied when the meeting was scheduled; null before (a draft shows the default).</summary>
    [Id(25)] public MeetingRules? Rules { get; init; }
    /// <summary>The agenda items that have been current at least once (bounded by the agenda): these keep their place.</summary>
    [Id(26)] public ImmutableArray<string> TakenUp { get; init; } = [];
    /// <summary>How many times the invitation changed after it was sent (time, place, link, cancellation): the .ics SEQUENCE.</summary>
    [Id(27)] public int InvitationSequence { get; init; }
    /// <summary>The minutes after the close: draft, review, signatures, seal (null until the first draft).</summary>
    [Id(28)] public Closing.MinutesView? Minutes { get; init; }
    /// <summary>A personal signature begun and not yet completed (one at a time, short-lived); never in a snapshot.</summary>
    [Id(29)] public Closing.PendingMinutesSignature? PendingSignature { get; init; }
    /// <summary>Integration events stored with the command that raised them, until the integration outbox has them (bounded).</summary>
    [Id(30)] public ImmutableArray<Integration.IntegrationEvent> IntegrationPending { get; init; } = [];

    [JsonIgnore]
    public MeetingRules EffectiveRules => Rules ?? MeetingRules.PeoplesCommittee;

    public LedgerEntry? LedgerHead() => LedgerTail.IsEmpty ? null : LedgerTail[^1];

    /// <summary>This state with <paramref name="entry"/> as the ledger's new head, the tail cut to <see cref="LedgerTailLength"/>.</summary>
    public MeetingState WithLedgerHead(LedgerEntry entry)
    {
        var tail = LedgerTail.Add(entry);
        return this with { LedgerTail = tail.Count > LedgerTailLength ? tail.RemoveRange(0, tail.Count - LedgerTailLength) : tail };
    }

    public MeetingSnapshot ToSnapshot(string meetingId) =>
        new(meetingId, Version, OrganizationId, Details, Status, OpenedAt, ClosedAt, Agenda, Current, Participants, Attendance, Floor, Polls, Conclusions, Archive, Documents, Follow, EffectiveRules, Quorum(), Minutes: Minutes);

    public MeetingQuorum Quorum() => MeetingQuorum.Of(Participants, Attendance, EffectiveRules);

    public MeetingRole RoleOf(string userName) =>
        Participants.FirstOrDefault(p => p.UserName == userName)?.Role ?? MeetingRole.None;
}
