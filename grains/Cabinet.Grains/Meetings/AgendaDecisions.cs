using System.Collections.Immutable;
using Cabinet.Errors;

namespace Cabinet.Meetings;

/// <summary>Preparing the agenda: only before the meeting opens, only by the chair or the secretary.</summary>
internal static class AgendaDecisions
{
    public static Decision Add(MeetingState s, MeetingCommand c, AgendaItemInput input)
    {
        if (CheckEditable(s, c) is { } refusal)
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

        var item = AgendaItemRules.ToItem($"i{s.NextItemNumber}", input);
        var agenda = s.Agenda.Add(item);
        return Decision.Accept(
            s with { Agenda = agenda, NextItemNumber = s.NextItemNumber + 1 },
            c.EventOn(s, MeetingEventKinds.AgendaItemAdded) with { Agenda = agenda },
            new { item.Id, item.Title });
    }

    public static Decision Update(MeetingState s, MeetingCommand c, string itemId, AgendaItemInput input)
    {
        if (CheckEditable(s, c) is { } refusal)
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

        var agenda = s.Agenda.SetItem(index, AgendaItemRules.ToItem(itemId, input));
        return Decision.Accept(
            s with { Agenda = agenda },
            c.EventOn(s, MeetingEventKinds.AgendaItemUpdated) with { Agenda = agenda },
            new { Id = itemId, input.Title });
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
        if (CheckEditable(s, c) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        if (itemIds.IsDefault || itemIds.Length != s.Agenda.Length || itemIds.Distinct().Count() != itemIds.Length
            || itemIds.Any(id => s.Agenda.All(i => i.Id != id)))
        {
            return Decision.Refuse(ErrorCodes.AgendaOrderMismatch);
        }

        var agenda = itemIds.Select(id => s.Agenda.First(i => i.Id == id)).ToImmutableArray();
        return Decision.Accept(
            s with { Agenda = agenda },
            c.EventOn(s, MeetingEventKinds.AgendaReordered) with { Agenda = agenda },
            new { Order = itemIds });
    }

    private static CabinetError? CheckEditable(MeetingState s, MeetingCommand c)
    {
        if (!MeetingAccess.CanPrepare(s, c.Actor))
        {
            return ErrorCodes.Forbidden;
        }

        return s.Status switch
        {
            MeetingStatus.Closed => ErrorCodes.MeetingClosed,
            MeetingStatus.Live => ErrorCodes.AlreadyLive,
            _ => null,
        };
    }
}
