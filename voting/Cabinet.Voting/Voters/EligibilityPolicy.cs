namespace Cabinet.Voting.Voters;

public enum EligibilityPolicy
{
    /// <summary>Members present when the poll opens, plus the chair (who is opening it, so counts as present).</summary>
    PresentDelegatesAndChair,

    /// <summary>Every member of the meeting body, present or not (e.g. members who vote remotely).</summary>
    AllMembers,
}
