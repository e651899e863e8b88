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

    /// <summary>The consolidated report, once it is made at the close.</summary>
    [Id(17)] public OpinionReportInfo? Report { get; init; }
}
