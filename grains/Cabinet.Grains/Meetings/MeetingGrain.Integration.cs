using Cabinet.Integration;
using Microsoft.Extensions.Logging;

namespace Cabinet.Meetings;

public sealed partial class MeetingGrain
{
    private IntegrationHandOver<MeetingState>? _handOver;

    /// <summary>
    /// The events other systems subscribe to (scheduled, closed, conclusion approved, poll closed, archive sealed) that
    /// an accepted decision raises, added to <paramref name="next"/>'s waiting list: they are stored in the command's own
    /// state write, so a host dying right after it loses none (handed to the outbox by <see cref="HandIntegrationEventsAsync"/>).
    /// </summary>
    private MeetingState WithIntegrationEvent(MeetingState next, MeetingEvent e)
    {
        if (IntegrationEventTypes.Of(e.Kind) is not { } type)
        {
            return next;
        }

        var pending = IntegrationHandOver.Add(
            next.IntegrationPending, IntegrationEvent.Of($"{MeetingId}:{e.Version}", type, next.OrganizationId, e.At, DataOf(type, e, next)), out var dropped);
        if (dropped is not null)
        {
            LogIntegrationDropped(MeetingId, dropped);
        }

        return next with { IntegrationPending = pending };
    }

    /// <summary>
    /// Hands the waiting events to the integration outbox, where the webhook dispatcher finds them (sending happens
    /// elsewhere, so no receiver ever delays the meeting), then stores the list emptied (<see cref="IntegrationHandOver{TState}"/>).
    /// </summary>
    private Task HandIntegrationEventsAsync() => HandOver.HandAsync();

    private void ResumeIntegrationEventsOnActivation() => HandOver.ResumeOnActivation();

    private IntegrationHandOver<MeetingState> HandOver => _handOver ??= new(
        this, GrainFactory, state, s => s.IntegrationPending, (s, left) => s with { IntegrationPending = left }, ex => LogIntegrationFailed(ex, MeetingId), DeactivateOnIdle);

    /// <summary>The payload's data: who and what, never anyone's choice or a document; bounded by the meeting's own limits.</summary>
    private object DataOf(string type, MeetingEvent e, MeetingState s)
    {
        var meeting = new
        {
            organizationId = s.OrganizationId, meetingId = MeetingId, title = s.Details.Title, scheduledStart = s.Details.ScheduledStart,
            place = s.Details.Place, onlineLink = s.Details.OnlineLink, status = s.Status.ToString(), version = e.Version,
        };
        return type switch
        {
            IntegrationEventTypes.PollClosed when e.PollUpdate is { } poll => new
            {
                meeting, poll = new
                {
                    pollId = poll.PollId, itemId = poll.Motion.AgendaItemId, title = poll.Motion.Title, secrecy = poll.Motion.Secrecy.ToString(),
                    closedAt = poll.ClosedAt, passed = poll.Result?.Outcome.Passed, winner = poll.Result?.Outcome.Winner,
                    ballots = poll.Result?.BallotCount, tally = poll.Result?.Tally.Counts.Select(c => new { choice = c.Choice, votes = c.Votes }),
                    resultSha256 = poll.Result?.DocumentSha256,
                },
            },
            IntegrationEventTypes.ConclusionApproved when e.ConclusionUpdate is { } conclusion => new
            {
                meeting, conclusion = new
                {
                    itemId = conclusion.ItemId, itemTitle = s.Agenda.FirstOrDefault(i => i.Id == conclusion.ItemId)?.Title,
                    revision = conclusion.ApprovedRevision, approvedAt = conclusion.ApprovedAt, approvedBy = conclusion.ApprovedBy, paragraphs = conclusion.Approved,
                },
            },
            IntegrationEventTypes.ArchiveSealed when e.Archive is { } archive => new
            {
                meeting, archive = new
                {
                    archiveId = archive.ArchiveId, manifestSha256 = archive.ManifestSha256, size = archive.Size, sealedAt = archive.SealedAt, minutesSha256 = archive.MinutesSha256,
                },
            },
            IntegrationEventTypes.MeetingClosed => new { meeting, openedAt = s.OpenedAt, closedAt = s.ClosedAt },
            _ => new { meeting },
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: its integration events did not reach the integration outbox yet; retrying")]
    private partial void LogIntegrationFailed(Exception exception, string meetingId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Meeting {MeetingId}: too many integration events waiting; event {EventId} dropped undelivered")]
    private partial void LogIntegrationDropped(string meetingId, string eventId);
}
