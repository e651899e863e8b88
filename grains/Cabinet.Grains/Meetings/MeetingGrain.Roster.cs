using System.Collections.Immutable;
using System.Text.Json;
using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Meetings;

/// <summary>
/// The room list in pages. The order by user name is kept for as long as the participant list is the same one, and the
/// presence lookup for as long as the attendance is, so paging through a big meeting sorts it once, not once a page.
/// </summary>
public sealed partial class MeetingGrain
{
    private ImmutableArray<Participant> _rosterSortedFrom;
    private Participant[] _rosterByName = [];
    private ImmutableArray<Presence> _presenceFrom;
    private Dictionary<string, Presence> _presenceByName = [];

    public Task<Result<RosterPage>> ListParticipantsAsync(Actor actor, string? after, int count) =>
        Task.FromResult(Query(actor, s => RosterAfter(s, after, Math.Clamp(count, 1, RosterPage.MaxItems))));

    private RosterPage RosterAfter(MeetingState s, string? after, int wanted)
    {
        var byName = RosterByName(s.Participants);
        var presence = PresenceByName(s.Attendance);
        var start = after is null ? 0 : FirstAfter(byName, after);
        var items = ImmutableArray.CreateBuilder<RosterEntry>(Math.Min(wanted, byName.Length - start));
        var bytes = 1;
        for (var i = start; i < byName.Length && items.Count < wanted; i++)
        {
            var entry = new RosterEntry(byName[i], presence.GetValueOrDefault(byName[i].UserName));
            // The hub's JSON escapes non-ASCII text: measure the line as it will travel, as the ledger's pages do.
            bytes += JsonSerializer.SerializeToUtf8Bytes(entry).Length + 1;
            if (items.Count > 0 && bytes > RosterPage.MaxBytes)
            {
                break;
            }

            items.Add(entry);
        }

        var more = start + items.Count < byName.Length;
        return new RosterPage(items.ToImmutable(), s.Version, byName.Length, more ? items[^1].Participant.UserName : null);
    }

    private static int FirstAfter(Participant[] byName, string after)
    {
        var (low, high) = (0, byName.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(byName[middle].UserName, after) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private Participant[] RosterByName(ImmutableArray<Participant> participants)
    {
        if (_rosterSortedFrom != participants)
        {
            _rosterByName = participants.IsDefault ? [] : [.. participants.OrderBy(p => p.UserName, StringComparer.Ordinal)];
            _rosterSortedFrom = participants;
        }

        return _rosterByName;
    }

    private Dictionary<string, Presence> PresenceByName(ImmutableArray<Presence> attendance)
    {
        if (_presenceFrom != attendance)
        {
            _presenceByName = new Dictionary<string, Presence>(StringComparer.Ordinal);
            foreach (var a in attendance.IsDefault ? [] : attendance)
            {
                _presenceByName[a.UserName] = a;
            }

            _presenceFrom = attendance;
        }

        return _presenceByName;
    }
}
