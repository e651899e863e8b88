namespace Cabinet.Voting.Tallying;

public enum MajorityKind
{
    /// <summary>More than half of the votes cast for or against (abstentions are not votes cast).</summary>
    MoreThanHalfOfVotesCast,

    /// <summary>Quá nửa tổng số thành viên: the Vietnamese local-government default.</summary>
    MoreThanHalfOfMembers,

    /// <summary>At least two thirds of all members.</summary>
    TwoThirdsOfMembers,

    /// <summary>At least two thirds of the members present when the poll opened.</summary>
    TwoThirdsOfPresent,

    /// <summary>At least Numerator/Denominator of all members.</summary>
    CustomFractionOfMembers,
}
