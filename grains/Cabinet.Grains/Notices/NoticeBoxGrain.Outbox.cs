using Cabinet.People;
using Microsoft.Extensions.Logging;

namespace Cabinet.Notices;

/// <summary>
/// The durable outbox: pending deliveries are part of the stored box. A grain timer sends those that are due; while
/// any is pending an Orleans reminder wakes the box (after a restart or a host's death the reminder service still
/// holds it), and the activation picks the queue up again. A send runs interleaved with calls, so delivering never
/// waits for a slow SMTP server or gateway.
/// </summary>
public sealed partial class NoticeBoxGrain
{
    private const string OutboxReminder = "notice-outbox";

    private IGrainTimer? _sendTimer;
    private bool _sending;
    private bool _reminderHeld;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Waking the box is the point: the activation scheduled what is pending, or this finds nothing left.
        ScheduleSending();
        return Task.CompletedTask;
    }

    private IEnumerable<(string NoticeId, NoticeDelivery Delivery)> Pending =>
        state.State.Notices.SelectMany(n => n.Deliveries.Where(d => d.Status == DeliveryStatus.Pending).Select(d => (n.Notice.Id, d)));

    /// <summary>Sets the timer for the next due delivery, and holds the wake-up reminder while anything is pending (releases it otherwise).</summary>
    private void ScheduleSending()
    {
        var next = Pending.Select(p => p.Delivery.NextAttemptAt ?? DateTimeOffset.MinValue).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        _ = HoldReminderAsync(next != DateTimeOffset.MaxValue);
        if (next == DateTimeOffset.MaxValue || _sending)
        {
            return;
        }

        var due = next - clock.GetUtcNow();
        _sendTimer?.Dispose();
        _sendTimer = this.RegisterGrainTimer(SendDueAsync, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan)
        {
            Interleave = true,
        });
    }

    private async Task HoldReminderAsync(bool hold)
    {
        if (hold == _reminderHeld)
        {
            return;
        }

        _reminderHeld = hold;
        try
        {
            if (hold)
            {
                await this.RegisterOrUpdateReminder(OutboxReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            }
            else if (await this.GetReminder(OutboxReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex)
        {
            _reminderHeld = !hold;
            LogReminderFailed(ex, UserName);
        }
    }

    /// <summary>Sends every due delivery once, recording each outcome as it comes, then schedules the next.</summary>
    private async Task SendDueAsync(CancellationToken cancellation)
    {
        if (_sending)
        {
            return;
        }

        _sending = true;
        try
        {
            var now = clock.GetUtcNow();
            var due = Pending.Where(p => (p.Delivery.NextAttemptAt ?? DateTimeOffset.MinValue) <= now).ToList();
            var person = due.Count > 0 ? await Person.GetProfileAsync() : null;
            foreach (var (noticeId, delivery) in due)
            {
                var notice = state.State.Notices.FirstOrDefault(n => n.Notice.Id == noticeId)?.Notice;
                var sender = senders.FirstOrDefault(s => s.Channel == delivery.Channel && s.IsConfigured);
                string? failure = null;
                try
                {
                    if (notice is null)
                    {
                        continue;
                    }

                    if (sender is null || person is null || !sender.Reaches(person))
                    {
                        failure = "Không còn địa chỉ nhận hoặc kênh gửi chưa được cấu hình.";
                    }
                    else
                    {
                        await sender.SendAsync(person, notice, cancellation);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellation.IsCancellationRequested)
                {
                    failure = ex.Message.Length > 300 ? ex.Message[..300] : ex.Message;
                    LogSendFailed(ex, UserName, noticeId, delivery.Channel);
                }

                await RecordAsync(noticeId, delivery.Channel, failure, sender is not null && person is not null && sender.Reaches(person));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(ex, UserName, "", null);
        }
        finally
        {
            _sending = false;
            ScheduleSending();
        }
    }

    /// <summary>Records one attempt: sent, pending with its next try after the configured back-off, or failed for good.</summary>
    private async Task RecordAsync(string noticeId, NoticeChannel channel, string? failure, bool retryable)
    {
        var now = clock.GetUtcNow();
        NoticeDelivery Next(NoticeDelivery d)
        {
            var attempts = d.Attempts + 1;
            if (failure is null)
            {
                return d with { Status = DeliveryStatus.Sent, Attempts = attempts, Reason = null, NextAttemptAt = null };
            }

            return options.Notifications.RetryAfter(attempts) is { } wait && retryable
                ? d with { Attempts = attempts, Reason = failure, NextAttemptAt = now + wait }
                : d with { Status = DeliveryStatus.Failed, Attempts = attempts, Reason = failure, NextAttemptAt = null };
        }

        var s = state.State;
        await CommitAsync(s with
        {
            Notices = [.. s.Notices.Select(n => n.Notice.Id != noticeId ? n : n with
            {
                Deliveries = [.. n.Deliveries.Select(d => d.Channel == channel && d.Status == DeliveryStatus.Pending ? Next(d) : d)],
            })],
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notices of {UserName}: sending {NoticeId} by {Channel} failed")]
    private partial void LogSendFailed(Exception exception, string userName, string noticeId, NoticeChannel? channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notices of {UserName}: holding or releasing the outbox reminder failed")]
    private partial void LogReminderFailed(Exception exception, string userName);
}
