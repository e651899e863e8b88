using Cabinet.People;

namespace Cabinet.Opinions;

/// <summary>The deadline reminders (<see cref="OpinionDeadlines"/>): the reminder near it, and the deadline itself recorded once.</summary>
public sealed partial class OpinionBallotGrain
{
    /// <summary>The actor recorded in the ledger for what the clock did.</summary>
    private static readonly Actor System = new("system", "Cabinet", "", false);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var now = clock.GetUtcNow();
        if (S.Status != OpinionStatus.Sent)
        {
            await OpinionDeadlines.CancelAsync(this);
            return;
        }

        var notAnswered = S.Members.Where(m => S.Answers.All(a => a.Member != m.UserName)).Select(m => m.UserName).ToList();
        if (reminderName == OpinionDeadlines.Near)
        {
            await OpinionDeadlines.CancelAsync(this, OpinionDeadlines.Near);
            await notices.DeadlineNearAsync(Key, S.Title, notAnswered, S.Deadline);
        }
        else if (reminderName == OpinionDeadlines.At && now >= S.Deadline && !S.DeadlinePassedRecorded)
        {
            var step = OpinionStep.Accept(S with { DeadlinePassedRecorded = true }, OpinionEventKinds.DeadlinePassed,
                new { Answered = S.Answers.Length, Asked = S.Members.Length });
            if (await StoreAsync(System, step, now) is null)
            {
                await OpinionDeadlines.CancelAsync(this, OpinionDeadlines.At);
                await notices.OverdueAsync(Key, S.Title, [S.Drafter, S.Chair.UserName], notAnswered);
            }
        }
    }
}
