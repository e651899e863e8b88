using System.Collections.Immutable;
using Cabinet.Meetings;

namespace Cabinet.Documents;

/// <summary>
/// Who may lead "follow me": the chair, or the participant presenting the current agenda item (the item's presenter
/// is free text, so it matches a participant's user name or display name), never an observer. One rule for the
/// meeting grain, which decides, and the page, which only offers the button.
/// </summary>
public static class FollowRules
{
    public static bool MayLead(ImmutableArray<Participant> participants, ImmutableArray<AgendaItem> agenda, CurrentItem? current, string userName)
    {
        var participant = participants.FirstOrDefault(p => p.UserName == userName);
        if (participant?.Role == MeetingRole.Chair)
        {
            return true;
        }

        var presenter = agenda.FirstOrDefault(i => i.Id == current?.ItemId)?.Presenter;
        return !string.IsNullOrWhiteSpace(presenter) && participant is { Role: not (MeetingRole.Observer or MeetingRole.None) }
            && (string.Equals(presenter, participant.UserName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(presenter, participant.DisplayName, StringComparison.OrdinalIgnoreCase));
    }
}
