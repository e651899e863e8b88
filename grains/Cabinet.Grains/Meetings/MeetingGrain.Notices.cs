using Cabinet.Diagnostics;
using Cabinet.Notices;
using Microsoft.Extensions.Logging;

namespace Cabinet.Meetings;

/// <summary>
/// The meeting's notices go out from Orleans reminders, which the reminder service keeps across restarts and host
/// deaths: "notice-invitation" right after scheduling (and after participants are added to a scheduled meeting), and
/// "notice-lead-{minutes}" before the start for each configured lead time, moved when the start moves, dropped when the
/// meeting is cancelled; "notice-vote-{pollId}" <see cref="Hosting.NotificationSettings.VoteOpenReminderDelay"/> after
/// a poll opens, when configured. A tick delivers to every participant concerned and only then lets its reminder go;
/// the notice ids make a repeated tick harmless. Reminders rather than grain timers: they outlive the activation, the
/// host and a restart, so a notice due while the meeting's host was down is still sent, on whichever host is alive.
/// </summary>
public sealed partial class MeetingGrain : IRemindable
{
    private const string InvitationReminder = "notice-invitation";
    private const string LeadReminderPrefix = "notice-lead-";
    private const string VoteReminderPrefix = "notice-vote-";

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
        await CabinetMetrics.ReminderTickAsync(reminderName == InvitationReminder ? "meeting.invitation"
            : reminderName.StartsWith(VoteReminderPrefix, StringComparison.Ordinal) ? "poll.vote-open" : "meeting.lead", async () =>
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

        return reminderName.StartsWith(VoteReminderPrefix, StringComparison.Ordinal) && await RemindVotersAsync(reminderName[VoteReminderPrefix.Length..], now);
    }

    private async Task PlanVoteReminderAsync(string pollId)
    {
        try
        {
            if (options.Notifications.VoteOpenReminderDelay is { } delay)
            {
                await this.RegisterOrUpdateReminder($"{VoteReminderPrefix}{pollId}", delay, TimeSpan.FromMinutes(1));
            }
        }
        catch (Exception ex)
        {
            LogNoticePlanFailed(ex, MeetingId);
        }
    }

    /// <summary>
    /// "A vote is open and you have not voted": to each voter of the poll, still open, who has not voted and is not on
    /// the meeting's page now (there the ballot form is already in front of them). Nothing once the poll has ended.
    /// </summary>
    /// <returns>Whether the poll was still open (and the notices went out).</returns>
    private async Task<bool> RemindVotersAsync(string pollId, DateTimeOffset now)
    {
        var s = state.State;
        if (s.Status != MeetingStatus.Live || s.Polls.FirstOrDefault(p => p.PollId == pollId) is not { Status: Voting.Polls.PollStatus.Open } poll)
        {
            return false;
        }

        var away = (await Poll(pollId).GetNotYetVotedAsync()).Where(u => !s.Attendance.Any(a => a.UserName == u && a.Connected)).ToHashSet(StringComparer.Ordinal);
        await DeliverToParticipantsAsync(p => away.Contains(p.UserName), (invitation, _) => MeetingNotices.VoteOpen(invitation, poll, now));
        return true;
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
