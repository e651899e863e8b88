using System.Collections.Immutable;
using Cabinet.Errors;

namespace Cabinet.Meetings;

/// <summary>
/// The queue of requests to speak on the current agenda item. Everyone who may speak asks and withdraws for
/// themselves; only the chair adds someone who asked outside Cabinet, removes or reorders. The queue always holds
/// the points of order first (in the order raised), then the ordinary requests.
/// </summary>
internal static class FloorDecisions
{
    public static Decision Request(MeetingState s, MeetingCommand c, FloorRequestInput? input)
    {
        if (!MeetingPermissions.MaySpeak(MeetingAccess.RoleOf(s, c.Actor)))
        {
            return Decision.Refuse(ErrorCodes.Forbidden);
        }

        return (FloorChecks.Live(s) ?? FloorChecks.Topic(input)) is { } refusal
            ? Decision.Refuse(refusal)
            : Enqueue(s, c, c.Actor.UserName, input!, MeetingEventKinds.FloorRequested);
    }

    public static Decision Add(MeetingState s, MeetingCommand c, string? userName, FloorRequestInput? input) =>
        (FloorChecks.ChairLive(s, c) ?? FloorChecks.Speaker(s, userName) ?? FloorChecks.Topic(input)) is { } refusal
            ? Decision.Refuse(refusal)
            : Enqueue(s, c, userName!, input!, MeetingEventKinds.FloorAdded);

    public static Decision Withdraw(MeetingState s, MeetingCommand c)
    {
        if (!MeetingPermissions.MaySpeak(MeetingAccess.RoleOf(s, c.Actor)))
        {
            return Decision.Refuse(ErrorCodes.Forbidden);
        }

        return FloorChecks.Live(s) is { } refusal
            ? Decision.Refuse(refusal)
            : Dequeue(s, c, c.Actor.UserName, MeetingEventKinds.FloorWithdrawn);
    }

    public static Decision Remove(MeetingState s, MeetingCommand c, string? userName) =>
        FloorChecks.ChairLive(s, c) is { } refusal ? Decision.Refuse(refusal) : Dequeue(s, c, userName, MeetingEventKinds.FloorRemoved);

    public static Decision Reorder(MeetingState s, MeetingCommand c, ImmutableArray<string> userNames)
    {
        if (FloorChecks.ChairLive(s, c) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var item = s.Floor.For(s.Current!.ItemId);
        if (userNames.IsDefault || userNames.Length != item.Queue.Length || userNames.Distinct().Count() != userNames.Length
            || userNames.Any(u => item.RequestOf(u) is null))
        {
            return Decision.Refuse(ErrorCodes.FloorOrderMismatch);
        }

        var queue = userNames.Select(u => item.RequestOf(u)!).ToImmutableArray();
        if (queue.SkipWhile(r => r.PointOfOrder).Any(r => r.PointOfOrder))
        {
            return Decision.Refuse(ErrorCodes.FloorOrderMismatch);
        }

        return FloorChecks.Accept(s, c, MeetingEventKinds.FloorReordered, s.Floor.With(item with { Queue = queue }), item.ItemId,
            new { Item = item.ItemId, Order = userNames });
    }

    private static Decision Enqueue(MeetingState s, MeetingCommand c, string userName, FloorRequestInput input, string kind)
    {
        var item = s.Floor.For(s.Current!.ItemId);
        if (item.RequestOf(userName) is not null)
        {
            return Decision.Refuse(ErrorCodes.FloorAlreadyRequested);
        }

        var request = new FloorRequest(userName, input.Topic?.Trim() ?? "", input.PointOfOrder, c.At, c.Actor.UserName);
        // A point of order goes ahead of every ordinary request, behind the points of order raised before it.
        var queue = request.PointOfOrder ? item.Queue.Insert(item.Queue.Count(r => r.PointOfOrder), request) : item.Queue.Add(request);
        return FloorChecks.Accept(s, c, kind, s.Floor.With(item with { Queue = queue }), item.ItemId,
            new { Item = item.ItemId, UserName = userName, request.Topic, request.PointOfOrder, Position = queue.IndexOf(request) + 1 });
    }

    private static Decision Dequeue(MeetingState s, MeetingCommand c, string? userName, string kind)
    {
        var item = s.Floor.For(s.Current!.ItemId);
        if (userName is null || item.RequestOf(userName) is not { } request)
        {
            return Decision.Refuse(ErrorCodes.FloorNotInQueue);
        }

        return FloorChecks.Accept(s, c, kind, s.Floor.With(item with { Queue = item.Queue.Remove(request) }), item.ItemId,
            new { Item = item.ItemId, UserName = userName, request.PointOfOrder });
    }
}
