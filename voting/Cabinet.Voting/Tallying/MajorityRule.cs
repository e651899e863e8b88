using System.Text.Json.Serialization;
using Cabinet.Voting.Voters;

namespace Cabinet.Voting.Tallying;

/// <summary>
/// How many votes a motion (or option) needs. "More than half" rules are strict (⌊basis/2⌋ + 1); the others are
/// "at least" (⌈basis × n / d⌉). All arithmetic is on integers. The fraction is stored for every kind so the
/// frozen result is self-describing; <see cref="IsValid"/> checks it matches the kind.
/// </summary>
public sealed record MajorityRule(MajorityKind Kind, int Numerator, int Denominator)
{
    public const int MaxDenominator = 1000;

    public static MajorityRule MoreThanHalfOfVotesCast { get; } = new(MajorityKind.MoreThanHalfOfVotesCast, 1, 2);
    public static MajorityRule MoreThanHalfOfMembers { get; } = new(MajorityKind.MoreThanHalfOfMembers, 1, 2);
    public static MajorityRule TwoThirdsOfMembers { get; } = new(MajorityKind.TwoThirdsOfMembers, 2, 3);
    public static MajorityRule TwoThirdsOfPresent { get; } = new(MajorityKind.TwoThirdsOfPresent, 2, 3);

    public static MajorityRule CustomFractionOfMembers(int numerator, int denominator) =>
        new(MajorityKind.CustomFractionOfMembers, numerator, denominator);

    /// <summary>The rule of a kind: its fixed fraction, or the one given for <see cref="MajorityKind.CustomFractionOfMembers"/>.</summary>
    public static MajorityRule Of(MajorityKind kind, int numerator = 0, int denominator = 0) => kind switch
    {
        MajorityKind.MoreThanHalfOfVotesCast => MoreThanHalfOfVotesCast,
        MajorityKind.MoreThanHalfOfMembers => MoreThanHalfOfMembers,
        MajorityKind.TwoThirdsOfMembers => TwoThirdsOfMembers,
        MajorityKind.TwoThirdsOfPresent => TwoThirdsOfPresent,
        _ => CustomFractionOfMembers(numerator, denominator),
    };

    [JsonIgnore]
    public bool IsValid => Kind switch
    {
        MajorityKind.MoreThanHalfOfVotesCast or MajorityKind.MoreThanHalfOfMembers => (Numerator, Denominator) == (1, 2),
        MajorityKind.TwoThirdsOfMembers or MajorityKind.TwoThirdsOfPresent => (Numerator, Denominator) == (2, 3),
        MajorityKind.CustomFractionOfMembers => Denominator is >= 1 and <= MaxDenominator && Numerator >= 1 && Numerator <= Denominator,
        _ => false,
    };

    [JsonIgnore]
    public bool IsStrict => Kind is MajorityKind.MoreThanHalfOfVotesCast or MajorityKind.MoreThanHalfOfMembers;

    /// <summary>
    /// The chair breaks a tie only under rules that ask for no more than a half: a tie can never reach a two-thirds
    /// (or any larger) share, and letting the chair's vote pass it would defeat the rule.
    /// </summary>
    [JsonIgnore]
    public bool ChairBreaksTies => 2L * Numerator <= Denominator;

    [JsonIgnore]
    public MajorityBasis Basis => Kind switch
    {
        MajorityKind.MoreThanHalfOfVotesCast => MajorityBasis.VotesCast,
        MajorityKind.TwoThirdsOfPresent => MajorityBasis.Present,
        _ => MajorityBasis.Members,
    };

    public long BasisValue(Eligibility eligibility, Tally tally) => Basis switch
    {
        MajorityBasis.VotesCast => tally.VotesCast,
        MajorityBasis.Present => eligibility.PresentWeight,
        _ => eligibility.MemberWeight,
    };

    /// <summary>The smallest (weighted) vote count that satisfies the rule on <paramref name="basis"/>; never below 1.</summary>
    public long RequiredVotes(long basis)
    {
        var product = basis * Numerator;
        var required = IsStrict ? product / Denominator + 1 : (product + Denominator - 1) / Denominator;
        return Math.Max(1, required);
    }
}
