using Orleans.Concurrency;
using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Voting.Ledger;

namespace Cabinet.Meetings;

/// <summary>
/// One meeting's live state, keyed by <see cref="MeetingKey"/>. Every command checks the actor's role, persists
/// before it answers, bumps the version by one, appends to the ledger and then notifies observers.
/// A refused command changes nothing.
/// </summary>
[Alias("cabinet.IMeetingGrain")]
public interface IMeetingGrain : IGrainWithStringKey
{
    Task<CommandResult> CreateAsync(Actor actor, MeetingSetup setup);

    Task<Result<MeetingSnapshot>> GetSnapshotAsync(Actor actor);

    Task<Result<MeetingSummary>> GetSummaryAsync(Actor actor);

    Task<Result<CatchUp>> GetEventsSinceAsync(Actor actor, long version);

    Task<Result<ImmutableArray<LedgerEntry>>> GetLedgerAsync(Actor actor);

    Task<CommandResult> UpdateDetailsAsync(Actor actor, MeetingDetails details);

    Task<CommandResult> SetParticipantsAsync(Actor actor, ImmutableArray<ParticipantInvite> participants);

    Task<CommandResult> AddAgendaItemAsync(Actor actor, AgendaItemInput item);

    Task<CommandResult> UpdateAgendaItemAsync(Actor actor, string itemId, AgendaItemInput item);

    Task<CommandResult> RemoveAgendaItemAsync(Actor actor, string itemId);

    Task<CommandResult> ReorderAgendaAsync(Actor actor, ImmutableArray<string> itemIds);

    Task<CommandResult> ScheduleAsync(Actor actor);

    Task<CommandResult> OpenAsync(Actor actor);

    Task<CommandResult> MoveAsync(Actor actor, AgendaMove move);

    Task<CommandResult> CloseAsync(Actor actor);

    /// <summary>A connection (browser tab, app, circuit) of the actor joined; the first one marks them present.</summary>
    Task<CommandResult> ConnectAsync(Actor actor, string connectionId);

    /// <summary>A connection left; when the actor's last one goes they are marked absent.</summary>
    Task<CommandResult> DisconnectAsync(Actor actor, string connectionId);

    /// <summary>The current version only (no content), so a host can tell its clients to catch up after a lost push.</summary>
    Task<long> GetVersionAsync();

    Task SubscribeAsync(IMeetingObserver observer);

    // Voting

    /// <summary>The chair opens a poll on an agenda item of the live meeting; eligibility is frozen now.</summary>
    Task<CommandResult> OpenPollAsync(Actor actor, Polls.MotionInput motion);

    /// <summary>The chair closes the open poll; the tally is exactly the ballots acknowledged before this.</summary>
    Task<CommandResult> ClosePollAsync(Actor actor, string pollId);

    Task<CommandResult> CancelPollAsync(Actor actor, string pollId, string reason);

    Task<Result<Polls.PollParticipation>> GetPollParticipationAsync(Actor actor, string pollId);

    Task<Result<Voting.Ballots.BallotChain>> GetBallotChainAsync(Actor actor, string pollId);

    // Conclusions and closing

    /// <summary>The secretary (or chair) drafts an item's conclusion as numbered paragraphs; an approved one goes back to awaiting approval.</summary>
    Task<CommandResult> DraftConclusionAsync(Actor actor, string itemId, ImmutableArray<string> paragraphs);

    /// <summary>The chair approves the current draft of an item's conclusion; everyone then sees it.</summary>
    Task<CommandResult> ApproveConclusionAsync(Actor actor, string itemId, int revision);

    /// <summary>The draft text, for the chair and the secretary only.</summary>
    Task<Result<ImmutableArray<string>>> GetConclusionDraftAsync(Actor actor, string itemId);

    /// <summary>Finishes sealing a closed meeting if it is not sealed yet (after a restart); does nothing otherwise.</summary>
    Task ResumeSealingAsync();

    /// <summary>From the poll grain: its participation changed. Coalesced and pushed to the room.</summary>
    [OneWay]
    Task ReportParticipationAsync(Polls.PollParticipation participation);

    Task UnsubscribeAsync(IMeetingObserver observer);
}
