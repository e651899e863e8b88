namespace Cabinet.Voting.Tallying;

/// <summary>
/// The decided result and every number that decided it. For a yes/no motion <see cref="Yes"/>/<see cref="No"/>
/// are the weighted votes for and against. For a choice motion <see cref="Winner"/> is the chosen option id (null
/// when none), <see cref="Yes"/> is the leading option's votes and <see cref="No"/> is 0. <see cref="Basis"/> is
/// what the majority fraction was taken of (members, members present or votes cast, weighted);
/// <see cref="Required"/> is the smallest vote count that met the rule.
/// </summary>
public sealed record PollOutcome(
    bool Passed,
    string? Winner,
    bool QuorumMet,
    DecidedBy DecidedBy,
    MajorityKind Majority,
    long Required,
    long Basis,
    long Yes,
    long No,
    long Abstain,
    long Cast,
    int Members,
    int Present,
    int QuorumRequired,
    string ExplanationVi,
    string ExplanationEn);
