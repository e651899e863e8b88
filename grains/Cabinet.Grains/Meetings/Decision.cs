using Cabinet.Errors;

namespace Cabinet.Meetings;

/// <summary>
/// What a meeting command decided: a refusal, nothing to do (an idempotent repeat), or the next state with the
/// event that describes it and the ledger detail.
/// </summary>
internal sealed record Decision(MeetingState? Next, MeetingEvent? Event, string Detail, CabinetError? Error)
{
    public static Decision Refuse(CabinetError error) => new(null, null, "", error);

    public static Decision Unchanged { get; } = new(null, null, "", null);

    public static Decision Accept(MeetingState next, MeetingEvent meetingEvent, object detail) =>
        new(next, meetingEvent, Cabinet.Voting.Canonical.CanonicalJson.SerializeToString(detail), null);
}
