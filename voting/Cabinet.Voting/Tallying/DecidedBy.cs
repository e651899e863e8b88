namespace Cabinet.Voting.Tallying;

/// <summary>Which rule settled the outcome.</summary>
public enum DecidedBy
{
    /// <summary>Too few members were present when the poll opened: the motion fails whatever the votes.</summary>
    Quorum,

    /// <summary>The majority rule: enough votes, or not enough.</summary>
    Majority,

    /// <summary>Votes were tied and the side (or option) the chair voted for won.</summary>
    ChairTieBreak,

    /// <summary>Votes were tied and the chair's vote did not break the tie: the motion fails / no option wins.</summary>
    Tie,
}
