using Cabinet.Diagnostics;
using Cabinet.Notices;
using Microsoft.Extensions.Logging;

namespace Cabinet.Meetings;

/// <summary>
/// The meeting's notices go out from Orleans reminders, which the reminder service keeps across restarts and host
/// deaths: "notice-invitation" right after scheduling (and after participants are added to a scheduled meeting), and
/// "notice-lead-{minutes}" before the start for each configured lead time, moved when the start moves, dropped when the
/// meeting is cancelled. A tick delivers to every participant and only then lets its reminder go; the notice ids make
/// a repeated tick harmless.
/// </summary>
public sealed partial class MeetingGrain : IRemindable
{
    private const string InvitationReminder = "notice-invitation";
    private const string LeadReminderPrefix = "notice-lead-";

    /// <summary>Called after every accepted lifecycle change: sets the reminders the meeting's status and start call for.</summary>
    private async Task PlanNoticesAsync(bool invite)
    {
        try
        {
            var s = state.State;
            var scheduled = s.Status == MeetingStatus.Scheduled;
            if (scheduled && invite)
            {
                await this.RegisterOrUpdateReminder(InvitationReminder, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
            }

            var now = clock.GetUtcNow();
            foreach (var lead in options.Notifications.ReminderLeads)
            {
                var due = s.Details.ScheduledStart.AddMinutes(-lead) - now;
                var name = $"{LeadReminderPrefix}{lead}";
                if (scheduled && due > TimeSpan.Zero)
                {
                    await this.RegisterOrUpdateReminder(name, due, TimeSpan.FromMinutes(Math.Max(1, lead)));
                }
                else if (await this.GetReminder(name) is { } stale)
                {
                    await this.UnregisterReminder(stale);
                }
            }
        }
        catch (Exception ex)
        {
            LogNoticePlanFailed(ex, MeetingId);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await CabinetMetrics.ReminderTickAsync(reminderName == InvitationReminder ? "meeting.invitation" : "meeting.lead", async () =>
            await DeliverReminderAsync(reminderName) ? CabinetMetrics.ReminderSent : CabinetMetrics.ReminderSkipped);
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Delivers what the reminder is for, if it still applies; whether it did.</summary>
    private async Task<bool> DeliverReminderAsync(string reminderName)
    {
        var s = state.State;
        var now = clock.GetUtcNow();
        if (s.Status == MeetingStatus.Scheduled && reminderName == InvitationReminder)
        {
            await DeliverToParticipantsAsync(p => true, (invitation, p) => MeetingNotices.Invitation(invitation, p.DisplayName, now));
            return true;
        }

        if (s.Status == MeetingStatus.Scheduled && reminderName.StartsWith(LeadReminderPrefix, StringComparison.Ordinal)
            && int.TryParse(reminderName.AsSpan(LeadReminderPrefix.Length), out var lead) && now < s.Details.ScheduledStart
            && now >= s.Details.ScheduledStart.AddMinutes(-lead).AddMinutes(-1))
        {
            // Those who said they will not come (or sent a deputy, who is reminded in their place) are not reminded.
            await DeliverToParticipantsAsync(
                p => p.AnswerKind is not (AnswerKind.Absent or AnswerKind.Deputy),
                (invitation, _) => MeetingNotices.Reminder(invitation, lead, now));
            return true;
        }

        return false;
    }

    private async Task DeliverToParticipantsAsync(Func<Participant, bool> who, Func<InvitationView, Participant, Notice> notice)
    {
        var organizationName = await OrganizationNameAsync();
        var s = state.State;
        foreach (var batch in s.Participants.Where(who).Chunk(50))
        {
            await Task.WhenAll(batch.Select(p => GrainFactory.GetGrain<INoticeBoxGrain>(p.UserName).DeliverAsync(notice(InvitationOf(s, p, organizationName), p))));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: setting its notice reminders failed")]
    private partial void LogNoticePlanFailed(Exception exception, string meetingId);
}
