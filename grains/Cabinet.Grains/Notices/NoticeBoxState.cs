using System.Collections.Immutable;

namespace Cabinet.Notices;

/// <summary>One person's box. Bounded: the newest <see cref="MaxNotices"/> notices, the last <see cref="MaxTakenIds"/> ids taken.</summary>
[GenerateSerializer]
public sealed record NoticeBoxState
{
    public const int MaxNotices = 200;

    /// <summary>More than the notices kept, so a step repeated after its notice scrolled out is still recognised.</summary>
    public const int MaxTakenIds = 1000;

    public const int MaxFollowers = 32;

    /// <summary>Newest first.</summary>
    [Id(0)] public ImmutableArray<NoticeView> Notices { get; init; } = [];

    /// <summary>Ids of notices taken, oldest first.</summary>
    [Id(1)] public ImmutableArray<string> TakenIds { get; init; } = [];

    [Id(2)] public bool ByEmail { get; init; } = true;

    [Id(3)] public bool BySms { get; init; }

    /// <summary>The hosts' observers, so a new activation pushes to them before they renew.</summary>
    [Id(4)] public ImmutableArray<string> Followers { get; init; } = [];
}
