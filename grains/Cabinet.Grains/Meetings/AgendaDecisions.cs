using System.Collections.Immutable;
using Cabinet.Errors;

namespace Cabinet.Meetings;

/// <summary>
/// Preparing the agenda, by the chair or the secretary (or an organiser, on a draft). While the meeting runs they may
/// still add an item (an urgent one, marked as added during the meeting), correct an item, and reorder the items not
/// taken up yet; removing waits until the meeting is over — it never comes.
/// </summary>
internal static class AgendaDecisions
{
    public static Decision Add(MeetingState s, MeetingCommand c, AgendaItemInput input)
    {
        if (CheckEditable(s, c, whileLive: true) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        if (AgendaItemRules.Check(input) is { } invalid)
        {
            return Decision.Refuse(invalid);
        }

        if (s.Agenda.Length >= AgendaItemRules.MaxItems)
        {
            return Decision.Refuse(ErrorCodes.AgendaFull);
        }

        var item = AgendaItemRules.ToItem($"i{s.NextItemNumber}", input) with { AddedDuringMeeting = s.Status == MeetingStatus.Live };
        var agenda = s.Agenda.Add(item);
        return Decision.Accept(
            s with { Agenda = agenda, NextItemNumber = s.NextItemNumber + 1 },
            c.EventOn(s, MeetingEventKinds.AgendaItemAdded) with { Agenda = agenda },
            new { item.Id, item.Title, item.Presenter, item.AddedDuringMeeting });
    }

    public static Decision Update(MeetingState s, MeetingCommand c, string itemId, AgendaItemInput input)
    {
        if (CheckEditable(s, c, whileLive: true) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var index = s.Agenda.IndexOf(s.Agenda.FirstOrDefault(i => i.Id == itemId)!);
        if (index < 0)
        {
            return Decision.Refuse(ErrorCodes.AgendaItemNotFound);
        }

        if (AgendaItemRules.Check(input) is { } invalid)
        {
            return Decision.Refuse(invalid);
        }

        var updated = AgendaItemRules.ToItem(itemId, input) with
        {
            AddedDuringMeeting = s.Agenda[index].AddedDuringMeeting,
            OpinionOutcome = s.Agenda[index].OpinionOutcome,
        };
        var agenda = s.Agenda.SetItem(index, updated);
        return Decision.Accept(
            s with { Agenda = agenda },
            c.EventOn(s, MeetingEventKinds.AgendaItemUpdated) with { Agenda = agenda },
            new { Id = itemId, updated.Title, updated.Presenter });
    }

    public static Decision Remove(MeetingState s, MeetingCommand c, string itemId)
    {
        if (CheckEditable(s, c) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var item = s.Agenda.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Decision.Refuse(ErrorCodes.AgendaItemNotFound);
        }

        var agenda = s.Agenda.Remove(item);
        return Decision.Accept(
            s with { Agenda = agenda },
            c.EventOn(s, MeetingEventKinds.AgendaItemRemoved) with { Agenda = agenda },
            new { item.Id, item.Title });
    }

    public static Decision Reorder(MeetingState s, MeetingCommand c, ImmutableArray<string> itemIds)
    {
        if (CheckEditable(s, c, whileLive: true) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        if (itemIds.IsDefault || itemIds.Length != s.Agenda.Length || itemIds.Distinct().Count() != itemIds.Length
            || itemIds.Any(id => s.Agenda.All(i => i.Id != id)))
        {
            return Decision.Refuse(ErrorCodes.AgendaOrderMismatch);
        }

        // What has been discussed stays where the record has it; only what is still to come moves.
        if (s.TakenUp.Any(id => itemIds.IndexOf(id) != s.Agenda.IndexOf(s.Agenda.First(i => i.Id == id))))
        {
            return Decision.Refuse(ErrorCodes.AgendaItemTakenUp);
        }

        var agenda = itemIds.Select(id => s.Agenda.First(i => i.Id == id)).ToImmutableArray();
        return Decision.Accept(
            s with { Agenda = agenda },
            c.EventOn(s, MeetingEventKinds.AgendaReordered) with { Agenda = agenda },
            new { Order = itemIds });
    }

    internal static CabinetError? CheckEditable(MeetingState s, MeetingCommand c, bool whileLive = false)
    {
        if (!MeetingAccess.CanPrepare(s, c.Actor))
        {
            return ErrorCodes.Forbidden;
        }

        return s.Status switch
        {
            MeetingStatus.Closed => ErrorCodes.MeetingClosed,
            MeetingStatus.Cancelled => ErrorCodes.MeetingCancelled,
            MeetingStatus.Live when !whileLive => ErrorCodes.AlreadyLive,
            _ => null,
        };
    }
}
