using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Voting.Ledger;
using Orleans.Concurrency;

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

    /// <summary>The snapshot as the hub sends it to one person (<see cref="MeetingSnapshot.ForPerson"/>): the same reading rule.</summary>
    Task<Result<MeetingSnapshot>> GetPersonalSnapshotAsync(Actor actor);

    /// <summary>As <see cref="GetEventsSinceAsync"/>, with a snapshot (when one is needed) in the hub's form.</summary>
    Task<Result<CatchUp>> GetPersonalEventsSinceAsync(Actor actor, long version);

    /// <summary>The room list in pages (<see cref="RosterPage"/>) after the user name <paramref name="after"/>; the snapshot's reading rule.</summary>
    Task<Result<RosterPage>> ListParticipantsAsync(Actor actor, string? after, int count);

    /// <summary>The whole ledger when it fits one <see cref="LedgerPage"/>; refused with <c>ledger.too_long</c> otherwise.</summary>
    Task<Result<ImmutableArray<LedgerEntry>>> GetLedgerAsync(Actor actor);

    /// <summary>Entries from <paramref name="fromSequence"/> on, at most <paramref name="count"/> (capped at <see cref="LedgerPage.MaxEntries"/>) and about <see cref="LedgerPage.MaxBytes"/>.</summary>
    Task<Result<LedgerPage>> GetLedgerPageAsync(Actor actor, long fromSequence, int count);

    /// <summary>The meeting's state for an export, to those who may take its record out (<see cref="MeetingPermissions.MayExport"/>).</summary>
    Task<Result<MeetingSnapshot>> GetExportSnapshotAsync(Actor actor);

    /// <summary>The speeches finished in one ledger page from <paramref name="fromSequence"/> on, for an export (same right).</summary>
    Task<Result<SpeechPage>> GetSpeechPageAsync(Actor actor, long fromSequence);

    Task<CommandResult> UpdateDetailsAsync(Actor actor, MeetingDetails details);

    /// <summary>Sets (or, with null, removes) the online meeting's https address alone; the same rules and ledger entry as a details change.</summary>
    Task<CommandResult> SetOnlineLinkAsync(Actor actor, string? link);

    Task<CommandResult> SetParticipantsAsync(Actor actor, ImmutableArray<ParticipantInvite> participants);

    /// <summary>
    /// Invites a batch of people (at most <see cref="ParticipantBatch.MaxSize"/>) or changes their role, keeping everyone
    /// else: how a large meeting is built without one oversized message. The meeting keeps exactly one chair.
    /// </summary>
    Task<CommandResult> AddParticipantsAsync(Actor actor, ImmutableArray<ParticipantInvite> participants);

    Task<CommandResult> AddAgendaItemAsync(Actor actor, AgendaItemInput item);

    Task<CommandResult> UpdateAgendaItemAsync(Actor actor, string itemId, AgendaItemInput item);

    Task<CommandResult> RemoveAgendaItemAsync(Actor actor, string itemId);

    Task<CommandResult> ReorderAgendaAsync(Actor actor, ImmutableArray<string> itemIds);

    /// <summary>
    /// Whoever prepares the agenda attaches the outcome of a closed opinion ballot of the meeting's organisation (which
    /// they may follow) to an item, until the meeting is over (<c>agenda.opinion-attached</c>); again replaces it.
    /// </summary>
    Task<CommandResult> AttachOpinionOutcomeAsync(Actor actor, string itemId, string ballotId);

    /// <summary>The same people remove it again before the meeting is over (<c>agenda.opinion-detached</c>).</summary>
    Task<CommandResult> DetachOpinionOutcomeAsync(Actor actor, string itemId);

    /// <summary>An item's attached outcome (its report's hash), for whoever may read the meeting's documents.</summary>
    Task<Result<Opinions.OpinionOutcome>> GetOpinionOutcomeAsync(Actor actor, string itemId);

    /// <summary>Sends the invitations: the organisation's meeting rules are copied into the meeting now.</summary>
    Task<CommandResult> ScheduleAsync(Actor actor);

    /// <summary>Calls off a draft or scheduled meeting (chair, secretary, or an organiser of a draft); the invitations become cancellations.</summary>
    Task<CommandResult> CancelAsync(Actor actor, string reason);

    /// <summary>
    /// Creates this meeting as a draft from <paramref name="sourceMeetingId"/> (which the actor must see): its details
    /// with <paramref name="details"/> instead, its invited people (not deputies) and its agenda.
    /// </summary>
    Task<CommandResult> CreateFromAsync(Actor actor, string sourceMeetingId, MeetingDetails details);

    /// <summary>The actor's own invitation: seen by every participant once scheduled, even before they take part.</summary>
    Task<Result<InvitationView>> GetInvitationAsync(Actor actor);

    /// <summary>The actor answers their invitation (scheduled or live meeting); the secretary sees it live.</summary>
    Task<CommandResult> AnswerInvitationAsync(Actor actor, InvitationAnswerInput answer);

    /// <summary>Who has opened one document, for those who prepare the meeting.</summary>
    Task<Result<Documents.DocumentReadings>> GetDocumentReadingsAsync(Actor actor, string documentId);

    Task<CommandResult> OpenAsync(Actor actor);

    Task<CommandResult> MoveAsync(Actor actor, AgendaMove move);

    Task<CommandResult> CloseAsync(Actor actor);

    /// <summary>A participant's comment on the draft minutes, during the review (<c>minutes.commented</c>).</summary>
    Task<CommandResult> CommentOnMinutesAsync(Actor actor, string text);

    /// <summary>The secretary writes the draft minutes again from the record, during the review (<c>minutes.drafted</c>).</summary>
    Task<CommandResult> RedraftMinutesAsync(Actor actor);

    /// <summary>
    /// The secretary, then the chair, begins signing the minutes with a registered device: the answer holds the DER
    /// signed attributes the device must sign (ECDSA P-256, SHA-256) within five minutes.
    /// </summary>
    Task<Result<Closing.MinutesSigningChallenge>> BeginMinutesSignatureAsync(Actor actor, string deviceId);

    /// <summary>The device's signature (r‖s, base64) over the signed attributes of the last challenge (<c>minutes.signed</c>).</summary>
    Task<CommandResult> CompleteMinutesSignatureAsync(Actor actor, string signatureBase64);

    /// <summary>The clerk applies the organisation's seal signature; the archive follows (<c>minutes.sealed</c>, then <c>meeting.archived</c>).</summary>
    Task<CommandResult> SealMinutesAsync(Actor actor);

    /// <summary>
    /// A connection (browser tab, app, circuit) of the actor joined; the first one marks them present. Interleaves:
    /// arrivals and departures that come in while one presence write is in flight are written together in the next
    /// (one version, one event, one ledger entry), and each call answers once its change is stored.
    /// </summary>
    /// <param name="host">The host holding the connection (its silo address in parsable form): when the
    /// cluster declares that host dead, its connections are marked as left.</param>
    [AlwaysInterleave]
    Task<CommandResult> ConnectAsync(Actor actor, string connectionId, string host);

    /// <summary>A connection left; when the actor's last one goes they are marked absent. Batched like <see cref="ConnectAsync"/>.</summary>
    [AlwaysInterleave]
    Task<CommandResult> DisconnectAsync(Actor actor, string connectionId);

    /// <summary>The current version only (no content), so a host can tell its clients to catch up after a lost push.</summary>
    Task<long> GetVersionAsync();

    /// <summary>Adds or renews a host's observer. The grain stores who follows it, so a new activation reaches them at once.</summary>
    Task SubscribeAsync(IMeetingObserver observer);

    // Voting

    /// <summary>The chair opens a poll on an agenda item of the live meeting; eligibility is frozen now.</summary>
    Task<CommandResult> OpenPollAsync(Actor actor, Polls.MotionInput motion);

    /// <summary>The chair closes the open poll; the tally is exactly the ballots acknowledged before this.</summary>
    Task<CommandResult> ClosePollAsync(Actor actor, string pollId);

    Task<CommandResult> CancelPollAsync(Actor actor, string pollId, string reason);

    Task<Result<Polls.PollParticipation>> GetPollParticipationAsync(Actor actor, string pollId);

    Task<Result<Voting.Ballots.BallotChain>> GetBallotChainAsync(Actor actor, string pollId);

    Task<Result<Polls.BallotChainPage>> GetBallotChainPageAsync(Actor actor, string pollId, int after, int count);

    /// <summary>A closed poll's signed result document, for whoever may see the meeting.</summary>
    Task<Result<Polls.SignedPollResult>> GetPollResultAsync(Actor actor, string pollId);

    /// <summary>Whether the asking person voted in the poll, and their receipt when the server can tell it (named polls).</summary>
    Task<Result<Polls.MyBallot>> GetMyBallotAsync(Actor actor, string pollId);

    // Conclusions and closing

    /// <summary>The secretary (or chair) drafts an item's conclusion as numbered paragraphs; an approved one goes back to awaiting approval.</summary>
    Task<CommandResult> DraftConclusionAsync(Actor actor, string itemId, ImmutableArray<string> paragraphs);

    /// <summary>The chair approves the current draft of an item's conclusion; everyone then sees it.</summary>
    Task<CommandResult> ApproveConclusionAsync(Actor actor, string itemId, int revision);

    /// <summary>The draft text, for the chair and the secretary only.</summary>
    Task<Result<ImmutableArray<string>>> GetConclusionDraftAsync(Actor actor, string itemId);

    /// <summary>
    /// Chair or secretary: publishes an approved conclusion to every member of the organisation (text, titles, dates;
    /// nothing else of the meeting). Again after a new approval replaces it; again unchanged is accepted and re-sent.
    /// </summary>
    Task<CommandResult> PublishConclusionAsync(Actor actor, string itemId);

    /// <summary>Finishes sealing a closed meeting if it is not sealed yet (after a restart); does nothing otherwise.</summary>
    Task ResumeSealingAsync();

    /// <summary>
    /// From the poll grain, once per write that stored ballots: the participation, coalesced and pushed to the room, and
    /// each voter's receipt, pushed at once to that person's screens only.
    /// </summary>
    [OneWay]
    Task ReportBallotsStoredAsync(Polls.StoredBallots stored);

    Task UnsubscribeAsync(IMeetingObserver observer);

    /// <summary>Pushes the meeting's listing and every participant's invitation to the indexes again (idempotent).</summary>
    Task RepairIndexAsync();

    // The floor

    /// <summary>Asks for the floor on the current item (chair, secretary, delegates; live only).</summary>
    Task<CommandResult> RequestFloorAsync(Actor actor, FloorRequestInput request);

    Task<CommandResult> WithdrawFloorRequestAsync(Actor actor);

    /// <summary>The chair puts a participant who asked outside Cabinet in the current item's queue.</summary>
    Task<CommandResult> AddToFloorQueueAsync(Actor actor, string userName, FloorRequestInput request);

    Task<CommandResult> RemoveFromFloorQueueAsync(Actor actor, string userName);

    /// <summary>The chair reorders the current item's queue; points of order stay ahead of ordinary requests.</summary>
    Task<CommandResult> ReorderFloorQueueAsync(Actor actor, ImmutableArray<string> userNames);

    /// <summary>The chair gives the floor; a speech still running ends first (recorded as superseded).</summary>
    Task<CommandResult> GrantFloorAsync(Actor actor, FloorGrant grant);

    /// <summary>The chair, or the speaker, ends the current speech.</summary>
    Task<CommandResult> EndSpeechAsync(Actor actor);

    /// <summary>The chair changes the current speech's limit.</summary>
    Task<CommandResult> SetSpeakingTimeAsync(Actor actor, int seconds);

    /// <summary>The chair changes the meeting's default limit for the speeches that follow.</summary>
    Task<CommandResult> SetDefaultSpeakingTimeAsync(Actor actor, int seconds);

    /// <summary>
    /// A client applied the meeting up to <paramref name="version"/>. Kept in memory for the room view only: it
    /// changes no version, state, ledger or event (an ack that produced an event would be acknowledged again).
    /// </summary>
    [OneWay, AlwaysInterleave]
    Task AcknowledgeVersionAsync(Actor actor, long version);

    /// <summary>The room as the chair and secretary see it: presence, raised hands and acknowledged versions.</summary>
    Task<Result<RoomView>> GetRoomAsync(Actor actor);

    // Documents and follow-the-presenter

    /// <summary>
    /// Chair or secretary: records a checked PDF already in the blob store as a new document, or as the next version
    /// of <see cref="Documents.DocumentUpload.DocumentId"/>. Not after the meeting is closed.
    /// </summary>
    Task<Result<Documents.DocumentView>> AddDocumentAsync(Actor actor, Documents.DocumentUpload upload);

    /// <summary>Chair or secretary: title, agenda item, "download allowed" and "classified".</summary>
    Task<CommandResult> UpdateDocumentAsync(Actor actor, string documentId, string title, string? itemId, bool downloadAllowed, bool classified);

    /// <summary>A participant's (not an organisation observer's) right to one document; refused otherwise.</summary>
    Task<Result<Documents.DocumentAccess>> GetDocumentAccessAsync(Actor actor, string documentId);

    /// <summary>Turns the on-screen watermark of a document on or off (whoever prepares the meeting).</summary>
    Task<CommandResult> SetScreenWatermarkAsync(Actor actor, string documentId, bool shown);

    /// <summary>A page of the meeting's access log, newest first (the chair and the secretary).</summary>
    Task<Result<Documents.DocumentAccessPage>> GetAccessLogAsync(Actor actor, long? before, int count);

    /// <summary>Who took the copy <paramref name="copyId"/>, of which document version, when (the chair and the secretary).</summary>
    Task<Result<Documents.DocumentAccessRecord>> LookUpCopyAsync(Actor actor, string copyId);

    /// <summary>The chair or the current item's presenter leads every viewer to a document page.</summary>
    Task<CommandResult> StartFollowAsync(Actor actor, string documentId, int version, int page);

    /// <summary>The leader turned the page.</summary>
    Task<CommandResult> FollowPageAsync(Actor actor, int page);

    /// <summary>The leader (or the chair) stops leading.</summary>
    Task<CommandResult> StopFollowAsync(Actor actor);

    /// <summary>From an annotation grain: a shared annotation changed; pushed to the room, never versioned.</summary>
    [OneWay]
    Task RelayAnnotationAsync(Documents.AnnotationChange change);
}
