using Cabinet.Errors;

namespace Cabinet.Opinions;

/// <summary>What a step decided: a refusal, or the next state with the step's kind (event and ledger command) and ledger detail.</summary>
internal sealed record OpinionStep(OpinionBallotState? Next, string Kind, string Detail, CabinetError? Error)
{
    public static OpinionStep Refuse(CabinetError error) => new(null, "", "", error);

    public static OpinionStep Accept(OpinionBallotState next, string kind, object detail) =>
        new(next, kind, Voting.Canonical.CanonicalJson.SerializeToString(detail), null);
}
