using System.Collections.Immutable;

namespace Cabinet.Closing;

/// <summary>
/// An agenda item's conclusion as everyone sees it: whether a draft exists (its text reaches only the chair and the
/// secretary) and the approved text, which every participant sees. Editing after approval needs a new approval.
/// <see cref="PublishedRevision"/>: the approved revision last published to the whole organisation, if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.conclusion-view")]
public sealed record ConclusionView(
    string ItemId,
    int Revision,
    bool AwaitingApproval,
    ImmutableArray<string> Approved,
    int? ApprovedRevision,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    int? PublishedRevision = null);
