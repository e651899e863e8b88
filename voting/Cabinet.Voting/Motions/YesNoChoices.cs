using System.Collections.Immutable;

namespace Cabinet.Voting.Motions;

/// <summary>The three fixed choices of a <see cref="MotionKind.YesNoAbstain"/> motion.</summary>
public static class YesNoChoices
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string Abstain = "abstain";

    public static ImmutableArray<MotionOption> Options { get; } =
    [
        new(Yes, "Tán thành"),
        new(No, "Không tán thành"),
        new(Abstain, "Không biểu quyết"),
    ];
}
