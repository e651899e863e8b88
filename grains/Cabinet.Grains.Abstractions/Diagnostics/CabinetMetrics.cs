using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cabinet.Errors;

namespace Cabinet.Diagnostics;

/// <summary>
/// Cabinet's own instruments, all on the one "Cabinet" meter (exported as <c>cabinet_*</c> on /metrics). Labels take
/// only bounded values (command kinds, outcomes), so the series stay few whatever the traffic.
/// </summary>
public static class CabinetMetrics
{
    public const string MeterName = "Cabinet";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Commands = Meter.CreateCounter<long>(
        "cabinet.commands", "{command}", "Meeting commands executed by the meeting grain, by kind and outcome.");

    private static readonly Histogram<double> Fanout = Meter.CreateHistogram<double>(
        "cabinet.fanout.duration", "s", "Time from a meeting event's arrival at this host to the end of its send to the meeting's connections.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    private static readonly UpDownCounter<long> Connections = Meter.CreateUpDownCounter<long>(
        "cabinet.connections", "{connection}", "Meeting hub connections open on this host.");

    private static readonly Counter<long> Ballots = Meter.CreateCounter<long>(
        "cabinet.ballots", "{ballot}", "Ballots cast, by outcome (accepted, refused, failed to store).");

    private static readonly Histogram<double> Seals = Meter.CreateHistogram<double>(
        "cabinet.seal.duration", "s", "Time to seal a closed meeting (minutes, signatures, archive); its count is the number of seals.");

    private static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "cabinet.webhook.deliveries", "{attempt}", "Webhook delivery attempts, by outcome (delivered, failed and retried later, given up).");

    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>(
        "cabinet.reminders", "{reminder}", "Reminder ticks, by kind (meeting.invitation, meeting.lead, opinion.deadline_near, opinion.deadline) and outcome (sent, skipped, failed).");

    /// <summary>A reminder tick delivered its notices.</summary>
    public const string ReminderSent = "sent";

    /// <summary>A reminder tick found nothing to do (the meeting or ballot moved on, or it was done already).</summary>
    public const string ReminderSkipped = "skipped";

    /// <summary>A reminder tick failed; the reminder stays and ticks again.</summary>
    public const string ReminderFailed = "failed";

    /// <summary>One executed command; <paramref name="kind"/> is the grain method's name without "Async".</summary>
    public static void Command(string kind, CommandResult result) =>
        Commands.Add(1, new("kind", kind.EndsWith("Async", StringComparison.Ordinal) ? kind[..^5] : kind), new("outcome", Outcome(result.Ok, result.Error)));

    public static void FannedOut(long arrivedTimestamp) => Fanout.Record(Stopwatch.GetElapsedTime(arrivedTimestamp).TotalSeconds);

    public static void Connected() => Connections.Add(1);

    public static void Disconnected() => Connections.Add(-1);

    public static void WebhookDelivery(string outcome) => WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>
    /// Runs one reminder tick and counts it with the outcome <paramref name="tick"/> answers (<see cref="ReminderSent"/>,
    /// <see cref="ReminderSkipped"/>, <see cref="ReminderFailed"/>); a tick that throws is counted as failed and the
    /// exception goes on (the reminder ticks again).
    /// </summary>
    public static async Task ReminderTickAsync(string kind, Func<Task<string>> tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        string outcome;
        try
        {
            outcome = await tick();
        }
        catch (Exception)
        {
            Reminder(kind, ReminderFailed);
            throw;
        }

        Reminder(kind, outcome);
    }

    private static void Reminder(string kind, string outcome) =>
        Reminders.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    public static void Ballot(CabinetError? error) => Ballots.Add(1, new KeyValuePair<string, object?>("outcome", Outcome(error is null, error)));

    /// <summary>Times one seal until disposed: <c>using var _ = CabinetMetrics.Sealing();</c></summary>
    public static SealTimer Sealing() => new(Stopwatch.GetTimestamp());

    public readonly struct SealTimer(long started) : IDisposable
    {
        public void Dispose() => Seals.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static string Outcome(bool ok, CabinetError? error) =>
        ok ? "accepted" : error?.Code == ErrorCodes.StorageFailed.Code ? "failed" : "refused";
}
