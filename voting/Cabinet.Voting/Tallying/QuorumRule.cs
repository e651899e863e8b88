using System.Text.Json.Serialization;
using Cabinet.Voting.Voters;

namespace Cabinet.Voting.Tallying;

/// <summary>
/// The poll counts only if at least <c>Numerator/Denominator</c> of the members (heads, not weights) were present
/// when it opened. <c>0/1</c> means no quorum rule. Exact integer arithmetic: required = ⌈members × n / d⌉.
/// </summary>
public sealed record QuorumRule(int Numerator, int Denominator)
{
    public const int MaxDenominator = 1000;

    public static QuorumRule None { get; } = new(0, 1);

    /// <summary>Phiên họp UBND chỉ được tiến hành khi có ít nhất hai phần ba tổng số thành viên tham dự.</summary>
    public static QuorumRule TwoThirdsOfMembers { get; } = new(2, 3);

    public static QuorumRule AtLeast(int numerator, int denominator) => new(numerator, denominator);

    [JsonIgnore]
    public bool IsValid => Denominator is >= 1 and <= MaxDenominator && Numerator >= 0 && Numerator <= Denominator;

    [JsonIgnore]
    public bool IsNone => Numerator == 0;

    public int RequiredPresent(int memberCount) =>
        (int)(((long)memberCount * Numerator + Denominator - 1) / Denominator);

    public bool IsMet(Eligibility eligibility) => eligibility.PresentCount >= RequiredPresent(eligibility.MemberCount);
}
