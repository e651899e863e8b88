using Cabinet.Diagnostics;
using Cabinet.People;

namespace Cabinet.Opinions;

/// <summary>The deadline reminders (<see cref="OpinionDeadlines"/>): the reminder near it, and the deadline itself recorded once.</summary>
public sealed partial class OpinionBallotGrain
{
    /// <summary>The actor recorded in the ledger for what the clock did.</summary>
    private static readonly Actor System = new("system", "Cabinet", "", false);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        CabinetMetrics.ReminderTickAsync(reminderName == OpinionDeadlines.Near ? "opinion.deadline_near" : "opinion.deadline", () => RemindAsync(reminderName));

    /// <summary>Does what the reminder is for, if it still applies; the outcome counted (<see cref="CabinetMetrics.ReminderTickAsync"/>).</summary>
    private async Task<string> RemindAsync(string reminderName)
    {
        var now = clock.GetUtcNow();
        if (S.Status != OpinionStatus.Sent)
        {
            await OpinionDeadlines.CancelAsync(this);
            return CabinetMetrics.ReminderSkipped;
        }

        var notAnswered = S.Members.Where(m => S.Answers.All(a => a.Member != m.UserName)).Select(m => m.UserName).ToList();
        if (reminderName == OpinionDeadlines.Near)
        {
            await OpinionDeadlines.CancelAsync(this, OpinionDeadlines.Near);
            await notices.DeadlineNearAsync(Key, S.Title, notAnswered, S.Deadline);
            return CabinetMetrics.ReminderSent;
        }

        if (reminderName == OpinionDeadlines.At && now >= S.Deadline && !S.DeadlinePassedRecorded)
        {
            var step = OpinionStep.Accept(S with { DeadlinePassedRecorded = true }, OpinionEventKinds.DeadlinePassed,
                new { Answered = S.Answers.Length, Asked = S.Members.Length });
            if (await StoreAsync(System, step, now) is not null)
            {
                return CabinetMetrics.ReminderFailed; // the reminder stays and ticks again
            }

            await OpinionDeadlines.CancelAsync(this, OpinionDeadlines.At);
            await notices.OverdueAsync(Key, S.Title, [S.Drafter, S.Chair.UserName], notAnswered);
            return CabinetMetrics.ReminderSent;
        }

        return CabinetMetrics.ReminderSkipped;
    }
}
