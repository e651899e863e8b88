using Cabinet.Errors;

namespace Cabinet.Meetings;

/// <summary>The chair moves the live meeting to the next, the previous or any agenda item.</summary>
internal static class AgendaMoveDecisions
{
    public static Decision Move(MeetingState s, MeetingCommand c, AgendaMove? move)
    {
        if (!MeetingAccess.CanRun(s, c.Actor))
        {
            return Decision.Refuse(ErrorCodes.Forbidden);
        }

        if (s.Status != MeetingStatus.Live)
        {
            return Decision.Refuse(s.Status == MeetingStatus.Closed ? ErrorCodes.MeetingClosed : ErrorCodes.NotLive);
        }

        if (move is null)
        {
            return Decision.Refuse(ErrorCodes.Invalid("Thiếu hướng chuyển nội dung."));
        }

        var index = s.Current is null ? -1 : s.Agenda.IndexOf(s.Agenda.FirstOrDefault(i => i.Id == s.Current.ItemId)!);
        var target = move.Kind switch
        {
            AgendaMoveKind.Next => index + 1 < s.Agenda.Length ? index + 1 : (int?)null,
            AgendaMoveKind.Previous => index > 0 ? index - 1 : null,
            AgendaMoveKind.Jump => s.Agenda.IndexOf(s.Agenda.FirstOrDefault(i => i.Id == move.ItemId)!) is var j and >= 0 ? j : null,
            _ => null,
        };
        if (target is not { } to)
        {
            return Decision.Refuse(move.Kind switch
            {
                AgendaMoveKind.Next => ErrorCodes.AgendaEnd,
                AgendaMoveKind.Previous => ErrorCodes.AgendaStart,
                AgendaMoveKind.Jump => ErrorCodes.AgendaItemNotFound,
                _ => ErrorCodes.InvalidInput,
            });
        }

        if (to == index)
        {
            return Decision.Unchanged;
        }

        var current = new CurrentItem(s.Agenda[to].Id, c.At);
        return Decision.Accept(
            s with { Current = current, TakenUp = s.TakenUp.Contains(current.ItemId) ? s.TakenUp : s.TakenUp.Add(current.ItemId) },
            c.EventOn(s, MeetingEventKinds.CurrentItemChanged) with { Current = current },
            new { current.ItemId, From = index < 0 ? null : s.Agenda[index].Id });
    }
}
