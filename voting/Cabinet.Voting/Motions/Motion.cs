using System.Collections.Immutable;
using Cabinet.Voting.Errors;
using Cabinet.Voting.Tallying;

namespace Cabinet.Voting.Motions;

/// <summary>
/// What is put to the vote. Ballots name option ids; for <see cref="MotionKind.YesNoAbstain"/> the options are
/// always <see cref="YesNoChoices.Options"/>. For choice motions an empty ballot is an abstention (phiếu trắng).
/// </summary>
public sealed record Motion(
    string Id,
    string AgendaItemId,
    string Title,
    MotionKind Kind,
    ImmutableArray<MotionOption> Options,
    int MinChoices,
    int MaxChoices,
    Secrecy Secrecy,
    QuorumRule Quorum,
    MajorityRule Majority)
{
    public const int MaxTitleLength = 500;

    public static Motion YesNo(string id, string agendaItemId, string title, Secrecy secrecy, QuorumRule quorum, MajorityRule majority) =>
        new(id, agendaItemId, title, MotionKind.YesNoAbstain, YesNoChoices.Options, 1, 1, secrecy, quorum, majority);

    public static Motion SingleChoice(
        string id, string agendaItemId, string title, ImmutableArray<MotionOption> options,
        Secrecy secrecy, QuorumRule quorum, MajorityRule majority) =>
        new(id, agendaItemId, title, MotionKind.SingleChoice, options, 1, 1, secrecy, quorum, majority);

    public static Motion MultipleChoice(
        string id, string agendaItemId, string title, ImmutableArray<MotionOption> options, int minChoices, int maxChoices,
        Secrecy secrecy, QuorumRule quorum, MajorityRule majority) =>
        new(id, agendaItemId, title, MotionKind.MultipleChoice, options, minChoices, maxChoices, secrecy, quorum, majority);

    /// <returns>Every problem with the motion, empty when it may be put to the vote.</returns>
    public ImmutableArray<VotingError> Validate() => MotionValidation.Validate(this);

    /// <summary>True when <paramref name="choices"/> is a well-formed ballot for this motion (abstentions included).</summary>
    public bool AcceptsChoices(IReadOnlyCollection<string> choices)
    {
        if (choices.Distinct(StringComparer.Ordinal).Count() != choices.Count
            || !choices.All(c => Options.Any(o => string.Equals(o.Id, c, StringComparison.Ordinal))))
        {
            return false;
        }

        return Kind == MotionKind.YesNoAbstain
            ? choices.Count == 1
            : choices.Count == 0 || (choices.Count >= MinChoices && choices.Count <= MaxChoices);
    }

    /// <summary>An abstention: "abstain" on a yes/no motion, an empty ballot on a choice motion.</summary>
    public bool IsAbstention(IReadOnlyCollection<string> choices) =>
        Kind == MotionKind.YesNoAbstain
            ? choices.Count == 1 && choices.Contains(YesNoChoices.Abstain, StringComparer.Ordinal)
            : choices.Count == 0;

    public string LabelOf(string optionId) =>
        Options.FirstOrDefault(o => string.Equals(o.Id, optionId, StringComparison.Ordinal))?.Label ?? optionId;
}
