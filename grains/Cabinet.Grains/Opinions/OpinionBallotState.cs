using System.Collections.Immutable;
using Cabinet.Voting.Ledger;
using Cabinet.Voting.Tallying;

namespace Cabinet.Opinions;

/// <summary>
/// An opinion ballot's stored state: what the next step needs, bounded by <see cref="OpinionLimits"/> (at most one
/// answer per member asked). The ledger lives in its own journal; the state keeps its head.
/// </summary>
public sealed record OpinionBallotState
{
    public bool Exists { get; init; }

    public string OrganizationId { get; init; } = "";

    public string Title { get; init; } = "";

    public OpinionStatus Status { get; init; }

    public string Drafter { get; init; } = "";

    public OpinionMember Chair { get; init; } = new("", "", "");

    public ImmutableArray<OpinionQuestion> Questions { get; init; } = [];

    public ImmutableArray<OpinionMember> Members { get; init; } = [];

    public ImmutableArray<OpinionDocument> Documents { get; init; } = [];

    public DateTimeOffset Deadline { get; init; }

    public MajorityKind Rule { get; init; } = MajorityKind.MoreThanHalfOfMembers;

    public bool AnswersMayChange { get; init; }

    public long Version { get; init; }

    public string? ReturnComment { get; init; }

    public int Round { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public bool DeadlinePassedRecorded { get; init; }

    public OpinionReportInfo? Report { get; init; }

    /// <summary>The report between its draft and the seal (<see cref="OpinionBallotView.ReportSigning"/>).</summary>
    public Closing.MinutesView? ReportSigning { get; init; }

    /// <summary>A signatory's device signature between its two round-trips (a few kilobytes; replaced by the next one begun).</summary>
    public Closing.PendingMinutesSignature? PendingSignature { get; init; }

    /// <summary>The current answer of each member who answered (a changed answer replaces the earlier one).</summary>
    public ImmutableArray<OpinionAnswerRecord> Answers { get; init; } = [];

    /// <summary>Answers stored so far, changed ones included: the next answer's receipt position.</summary>
    public long AnswerCount { get; init; }

    public LedgerEntry? LedgerHead { get; init; }

    /// <summary><c>opinion.closed</c>, stored with the report's step until the integration outbox has it.</summary>
    public ImmutableArray<Integration.IntegrationEvent> IntegrationPending { get; init; } = [];

    public OpinionBallotView ToView(string ballotId) => new(
        ballotId, OrganizationId, Title, Status, Drafter, Chair, Questions, Members, Documents, Deadline, Rule, AnswersMayChange, Version)
    {
        ReturnComment = ReturnComment,
        Round = Round,
        SentAt = SentAt,
        ClosedAt = ClosedAt,
        Report = Report,
        ReportSigning = ReportSigning,
    };
}

/// <summary>A member's signed answer as stored: what they signed, with what key, and its receipt.</summary>
public sealed record OpinionAnswerRecord(
    string Member,
    ImmutableArray<string> Choices,
    ImmutableArray<OpinionText> Texts,
    string Nonce,
    DateTimeOffset CastAt,
    string Signature,
    string DeviceId,
    string PublicKeySpki,
    DateTimeOffset AnsweredAt,
    Voting.Ballots.Receipt Receipt);
