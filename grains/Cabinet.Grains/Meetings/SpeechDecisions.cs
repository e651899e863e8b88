using Cabinet.Errors;

namespace Cabinet.Meetings;

/// <summary>
/// Who speaks: the chair gives the floor to the first or to anyone in the current item's queue, one person at a
/// time. Giving the floor while someone speaks ends that speech first (recorded as superseded) rather than
/// refusing, so the chair needs one action, and the ledger still shows both. Limits are shown, never enforced.
/// </summary>
internal static class SpeechDecisions
{
    public static Decision Grant(MeetingState s, MeetingCommand c, FloorGrant? grant)
    {
        grant ??= FloorGrant.Next;
        if ((FloorChecks.ChairLive(s, c) ?? FloorChecks.SpeakingTime(grant.LimitSeconds)) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var item = s.Floor.For(s.Current!.ItemId);
        var request = grant.UserName is null ? item.Queue.FirstOrDefault() : item.RequestOf(grant.UserName);
        if (request is null)
        {
            return Decision.Refuse(grant.UserName is null ? ErrorCodes.FloorQueueEmpty : FloorChecks.Speaker(s, grant.UserName) ?? ErrorCodes.FloorNotInQueue);
        }

        var floor = s.Floor.With(item with { Queue = item.Queue.Remove(request) });
        var superseded = floor.Speaking?.End(c.At, c.Actor.UserName, SpeechEnding.Superseded);
        if (superseded is not null)
        {
            floor = floor.WithFinished(superseded);
        }

        var speech = new Speech(item.ItemId, request.UserName, request.Topic, request.PointOfOrder, c.At,
            grant.LimitSeconds ?? s.Floor.DefaultSpeakingSeconds, c.Actor.UserName);
        return FloorChecks.Accept(s, c, MeetingEventKinds.FloorGranted, floor with { Speaking = speech }, item.ItemId, new
        {
            Item = item.ItemId, speech.UserName, speech.PointOfOrder, speech.LimitSeconds,
            Superseded = superseded is null ? null : SpeechRecord.Of(superseded),
        });
    }

    public static Decision End(MeetingState s, MeetingCommand c)
    {
        var speech = s.Floor.Speaking;
        var mayEnd = MeetingAccess.CanRun(s, c.Actor) || (speech is not null && speech.UserName == c.Actor.UserName);
        if ((!mayEnd ? ErrorCodes.Forbidden : FloorChecks.Live(s) ?? (speech is null ? ErrorCodes.FloorNobodySpeaking : null)) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var ended = speech!.End(c.At, c.Actor.UserName, SpeechEnding.Ended);
        return FloorChecks.Accept(s, c, MeetingEventKinds.SpeechEnded, s.Floor.WithFinished(ended), ended.ItemId, SpeechRecord.Of(ended));
    }

    public static Decision SetSpeakingTime(MeetingState s, MeetingCommand c, int seconds)
    {
        if ((FloorChecks.ChairLive(s, c) ?? FloorChecks.SpeakingTime(seconds)
            ?? (s.Floor.Speaking is null ? ErrorCodes.FloorNobodySpeaking : null)) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var speech = s.Floor.Speaking! with { LimitSeconds = seconds };
        return FloorChecks.Accept(s, c, MeetingEventKinds.SpeakingTimeChanged, s.Floor with { Speaking = speech }, null,
            new { Item = speech.ItemId, speech.UserName, speech.LimitSeconds });
    }

    public static Decision SetDefaultSpeakingTime(MeetingState s, MeetingCommand c, int seconds)
    {
        var refusal = !MeetingAccess.CanRun(s, c.Actor) ? ErrorCodes.Forbidden
            : s.Status == MeetingStatus.Closed ? ErrorCodes.MeetingClosed
            : FloorChecks.SpeakingTime(seconds);
        if (refusal is not null)
        {
            return Decision.Refuse(refusal);
        }

        return seconds == s.Floor.DefaultSpeakingSeconds
            ? Decision.Unchanged
            : FloorChecks.Accept(s, c, MeetingEventKinds.DefaultSpeakingTimeChanged, s.Floor with { DefaultSpeakingSeconds = seconds }, null,
                new { Seconds = seconds });
    }
}
