using System.Collections.Immutable;
using Cabinet.Voting.Tallying;

namespace Cabinet.Opinions;

/// <summary>An opinion ballot (<c>BallotId</c> is its whole key, <c>"{organisationId}/{ballotId}"</c>) as everyone who may see it sees it (answers and consolidation are read apart).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-ballot-view")]
public sealed record OpinionBallotView(
    string BallotId,
    string OrganizationId,
    string Title,
    OpinionStatus Status,
    string Drafter,
    OpinionMember Chair,
    ImmutableArray<OpinionQuestion> Questions,
    ImmutableArray<OpinionMember> Members,
    ImmutableArray<OpinionDocument> Documents,
    DateTimeOffset Deadline,
    MajorityKind Rule,
    bool AnswersMayChange,
    long Version)
{
    /// <summary>The chair's comment when they last returned the ballot (cleared by the next submission), else null.</summary>
    [Id(13)] public string? ReturnComment { get; init; }

    /// <summary>How many times the ballot has been submitted.</summary>
    [Id(14)] public int Round { get; init; }

    [Id(15)] public DateTimeOffset? SentAt { get; init; }

    [Id(16)] public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The consolidated report, once the secretary and the chair have signed it and it is sealed and archived.</summary>
    [Id(17)] public OpinionReportInfo? Report { get; init; }

    /// <summary>The report on its way to the seal: the current PDF, who signs it in order and who has signed (null until drafted at the close).</summary>
    [Id(20)] public Closing.MinutesView? ReportSigning { get; init; }

    /// <summary>Where the report stands; see <see cref="OpinionReportStage"/>.</summary>
    public OpinionReportStage ReportStage =>
        Report is not null ? OpinionReportStage.Sealed
        : ReportSigning is not null ? OpinionReportStage.AwaitingSignatures
        : Status == OpinionStatus.Closed ? OpinionReportStage.Drafting
        : OpinionReportStage.None;
}
