namespace Cabinet.Voting.Motions;

public enum MotionKind
{
    /// <summary>Tán thành / không tán thành / không biểu quyết.</summary>
    YesNoAbstain,

    /// <summary>Exactly one option (an empty ballot is an abstention).</summary>
    SingleChoice,

    /// <summary>Between MinChoices and MaxChoices options (an empty ballot is an abstention).</summary>
    MultipleChoice,
}
