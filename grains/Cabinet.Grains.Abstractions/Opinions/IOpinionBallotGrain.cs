using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Voting.Ballots;

namespace Cabinet.Opinions;

/// <summary>
/// One opinion ballot (phiếu lấy ý kiến), keyed <c>"{organisationId}/{ballotId}"</c> (<see cref="OpinionKey"/>). Every
/// command checks the actor with <see cref="OpinionPermissions"/>, refuses an illegal step with a stable code and
/// changes nothing then; every accepted step is a ledger entry and an <see cref="OpinionEvent"/>.
/// </summary>
[Alias("cabinet.IOpinionBallotGrain")]
public interface IOpinionBallotGrain : IGrainWithStringKey
{
    Task<CommandResult> DraftAsync(Actor actor, OpinionDraft draft);

    /// <summary>Rewrites a draft (also after the chair returned it).</summary>
    Task<CommandResult> EditAsync(Actor actor, OpinionDraft draft);

    /// <summary>
    /// Attaches a PDF the web host already checked by content and stored by SHA-256 (the meetings' document intake) to a
    /// draft; the same name again is its next version.
    /// </summary>
    Task<CommandResult> AttachDocumentAsync(Actor actor, string name, string sha256, long bytes);

    /// <summary>Trình: the office submits the draft to the chair.</summary>
    Task<CommandResult> SubmitAsync(Actor actor);

    /// <summary>Phê duyệt: the chair approves, and the ballot is sent to the members asked at once.</summary>
    Task<CommandResult> ApproveAsync(Actor actor);

    /// <summary>Trả lại: the chair returns the ballot to the office with a comment; it is a draft again.</summary>
    Task<CommandResult> ReturnAsync(Actor actor, string comment);

    /// <summary>A member's signed answer; the receipt comes back once it is stored.</summary>
    Task<Result<Receipt>> AnswerAsync(Actor actor, OpinionAnswerSubmission answer);

    /// <summary>The office closes the ballot after the deadline, or earlier once everyone answered; the report follows.</summary>
    Task<CommandResult> CloseAsync(Actor actor);

    Task<Result<OpinionBallotView>> GetAsync(Actor actor);

    Task<Result<OpinionConsolidation>> GetConsolidationAsync(Actor actor);

    /// <summary>The caller's own stored answer (tokens and written opinions) with its receipt, or null when none.</summary>
    Task<Result<OpinionMyAnswer?>> GetMyAnswerAsync(Actor actor);

    Task<Result<LedgerPage>> GetLedgerPageAsync(Actor actor, long fromSequence, int count);

    /// <summary>
    /// The consolidated report's PDF once the ballot is closed: the draft, or with the signatures so far, and once the
    /// secretary and the chair have signed, sealed by the organisation.
    /// </summary>
    Task<Result<byte[]>> GetReportAsync(Actor actor);

    /// <summary>First round-trip of the secretary's or the chair's signature on the report, in that order (as on the minutes).</summary>
    Task<Result<Closing.MinutesSigningChallenge>> BeginReportSignatureAsync(Actor actor, string deviceId);

    /// <summary>Second round-trip: the device's signature over the challenge; after the chair's, the report is sealed and archived.</summary>
    Task<CommandResult> CompleteReportSignatureAsync(Actor actor, string signatureBase64);

    /// <summary>
    /// A closed ballot's bounded outcome with its report, for a meeting to attach to an agenda item: to those who may
    /// follow the answers (<see cref="OpinionPermissions.MayFollowAnswers"/>); refused while not closed or the report not made.
    /// </summary>
    Task<Result<OpinionOutcome>> GetOutcomeAsync(Actor actor);

    /// <summary>The sealed archive (the signed and sealed report, the ledger, the signed answers, a signed manifest) once the report is sealed.</summary>
    Task<Result<byte[]>> GetArchiveAsync(Actor actor);

    /// <summary>Follows the ballot's steps (renew before <see cref="OpinionSubscriptions.Expiry"/>).</summary>
    Task SubscribeAsync(IOpinionObserver observer);

    Task UnsubscribeAsync(IOpinionObserver observer);

    /// <summary>The documents' blob hashes a reader may fetch (for the download endpoint).</summary>
    Task<Result<ImmutableArray<OpinionDocument>>> GetDocumentsAsync(Actor actor);
}

/// <summary>How long an observer's subscription lasts without renewal.</summary>
public static class OpinionSubscriptions
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);
}
