using System.Collections.Immutable;
using Cabinet.Meetings;
using Cabinet.People;

namespace Cabinet.Web.Invitations;

/// <summary>
/// A person's invitations from 30 days back to a year ahead as one iCalendar feed, read from the "my meetings" pages
/// (bounded: at most <see cref="MaxPages"/> pages and <see cref="MaxEvents"/> events).
/// </summary>
public sealed class CalendarFeed(IGrainFactory grains, TimeProvider clock)
{
    public const int MaxPages = 20;
    public const int MaxEvents = 500;
    public static readonly TimeSpan Back = TimeSpan.FromDays(30);
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(365);

    public async Task<string> WriteAsync(Actor actor)
    {
        var now = clock.GetUtcNow();
        return IcsWriter.WriteFeed(await InvitationsAsync(actor, now), actor.DisplayName, now);
    }

    /// <summary>The person's own invitations in the window (meetings they only observe as administrators are not theirs).</summary>
    private async Task<ImmutableArray<InvitationView>> InvitationsAsync(Actor actor, DateTimeOffset now)
    {
        var found = ImmutableArray.CreateBuilder<InvitationView>();
        string? cursor = null;
        for (var page = 0; page < MaxPages && found.Count < MaxEvents; page++)
        {
            var read = await grains.GetGrain<IMyMeetingsGrain>(0).GetPageAsync(actor, cursor, MeetingPage.MaxSize);
            if (!read.Ok)
            {
                break;
            }

            foreach (var meeting in read.Value!.Items.Where(m => m.Details.ScheduledStart >= now - Back && m.Details.ScheduledStart <= now + Ahead))
            {
                if (found.Count < MaxEvents && await grains.GetGrain<IMeetingGrain>(meeting.MeetingId).GetInvitationAsync(actor) is { Ok: true } invitation)
                {
                    found.Add(invitation.Value!);
                }
            }

            // Past meetings come newest first after the upcoming ones: once they are older than the window, the rest are too.
            if (read.Value.NextCursor is null || read.Value.Items.Any(m => m.Details.ScheduledStart < now - Back && m.Status is MeetingStatus.Closed))
            {
                break;
            }

            cursor = read.Value.NextCursor;
        }

        return found.ToImmutable();
    }
}
