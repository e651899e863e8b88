using Cabinet.Closing;
using Cabinet.Integration;
using Microsoft.Extensions.Logging;

namespace Cabinet.Meetings;

public sealed partial class MeetingGrain
{
    /// <summary>
    /// Puts an accepted event other systems subscribe to (scheduled, closed, conclusion approved, poll closed, archive
    /// sealed) into the integration outbox, where the webhook dispatcher finds it; sending happens elsewhere, so no
    /// receiver ever delays the meeting. The command stands whatever happens here.
    /// </summary>
    private async Task RaiseIntegrationEventAsync(MeetingEvent e)
    {
        if (IntegrationEventTypes.Of(e.Kind) is not { } type)
        {
            return;
        }

        try
        {
            var integration = IntegrationEvent.Of($"{MeetingId}:{e.Version}", type, state.State.OrganizationId, e.At, DataOf(type, e));
            await GrainFactory.GetGrain<IIntegrationOutboxGrain>(IIntegrationOutboxGrain.Key).AddAsync(integration);
        }
        catch (Exception ex)
        {
            LogIntegrationFailed(ex, MeetingId, type);
        }
    }

    /// <summary>The payload's data: who and what, never anyone's choice or a document; bounded by the meeting's own limits.</summary>
    private object DataOf(string type, MeetingEvent e)
    {
        var s = state.State;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Meeting {MeetingId}: the {Type} event did not reach the integration outbox")]
    private partial void LogIntegrationFailed(Exception exception, string meetingId, string type);
}
