using System.Text.Json;
using System.Text.Json.Nodes;
using Cabinet.Voting.Canonical;

namespace Cabinet.Meetings;

/// <summary>
/// Keeps the floor in step with the rest of the meeting: a speech belongs to the current agenda item of a live
/// meeting, so any accepted command that moves to another item or closes the meeting ends the speech in the same
/// step — in the same event, and in the same ledger entry (its detail gains <c>speechEnded</c>).
/// </summary>
internal static class FloorSettlement
{
    public static Decision Settle(MeetingState before, MeetingCommand c, Decision decision)
    {
        if (decision.Next is not { } next || decision.Event is not { } meetingEvent || next.Floor.Speaking is not { } speech)
        {
            return decision;
        }

        var ending = next.Status == MeetingStatus.Closed ? SpeechEnding.MeetingClosed
            : next.Current?.ItemId != speech.ItemId ? SpeechEnding.ItemChanged
            : (SpeechEnding?)null;
        if (ending is null || before.Floor.Speaking != speech)
        {
            return decision;
        }

        var ended = speech.End(c.At, c.Actor.UserName, ending.Value);
        var floor = next.Floor.WithFinished(ended);
        var detail = JsonNode.Parse(decision.Detail) as JsonObject ?? [];
        detail["speechEnded"] = JsonSerializer.SerializeToNode(SpeechRecord.Of(ended), CanonicalJson.Options);
        return decision with
        {
            Next = next with { Floor = floor },
            Event = meetingEvent with { Floor = floor.UpdateFor(ended.ItemId, before.Floor) },
            Detail = detail.ToJsonString(CanonicalJson.Options),
        };
    }
}
