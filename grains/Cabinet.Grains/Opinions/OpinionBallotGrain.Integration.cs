using Cabinet.Integration;
using Microsoft.Extensions.Logging;

namespace Cabinet.Opinions;

/// <summary>
/// <c>opinion.closed</c> for other systems: raised once the consolidated report is sealed (the outcome is final then,
/// and the report and archive links answer). It is stored in the report step's own state write and handed to the
/// integration outbox after it (<see cref="IntegrationHandOver"/>); the ballot's step stands whatever happens there.
/// </summary>
public sealed partial class OpinionBallotGrain
{
    private IntegrationHandOver<OpinionBallotState>? _handOver;

    /// <summary><paramref name="next"/> (closed, its report made, to be stored as <paramref name="version"/>) with its <c>opinion.closed</c> waiting.</summary>
    private OpinionBallotState WithClosedEvent(OpinionBallotState next, long version)
    {
        if (next.Report is not { } report)
        {
            return next;
        }

        var consolidation = OpinionTallies.Consolidate(next, Key);
        // Absolute when Cabinet:PublicBaseUrl is set: the receiver is another system, not a page of Cabinet.
        var api = $"/api/v1/opinions/{Key}";
        // Counts and outcomes only: never who answered what, nor a written opinion's text.
        var data = new
        {
            opinion = new
            {
                organizationId = next.OrganizationId, ballotId = Key, title = next.Title, deadline = next.Deadline, sentAt = next.SentAt, closedAt = next.ClosedAt,
                asked = consolidation.Asked, answered = consolidation.Answered.Length, version,
                questions = consolidation.Questions.Select(q => new
                {
                    questionId = q.QuestionId, text = q.Text, passes = q.Passes, outcome = q.Outcome,
                    counts = q.Counts.Select(c => new { answer = c.Answer, label = c.Label, count = c.Count }),
                }),
                report = new
                {
                    pdfSha256 = report.PdfSha256, archiveSha256 = report.ArchiveSha256, madeAt = report.MadeAt,
                    reportUrl = links.Absolute($"{api}/report.pdf"), archiveUrl = links.Absolute($"{api}/archive.zip"),
                },
            },
        };
        var closed = IntegrationEvent.Of($"{Key}:{version}", IntegrationEventTypes.OpinionClosed, next.OrganizationId, report.MadeAt, data);
        return next with { IntegrationPending = IntegrationHandOver.Add(next.IntegrationPending, closed, out _) };
    }

    private Task HandIntegrationEventsAsync() => HandOver.HandAsync();

    private void ResumeIntegrationEventsOnActivation() => HandOver.ResumeOnActivation();

    private IntegrationHandOver<OpinionBallotState> HandOver => _handOver ??= new(
        this, GrainFactory, state, s => s.IntegrationPending, (s, left) => s with { IntegrationPending = left }, ex => LogIntegrationFailed(ex, Key), DeactivateOnIdle);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opinion ballot {Key}: opinion.closed did not reach the integration outbox yet; retrying")]
    private partial void LogIntegrationFailed(Exception ex, string key);
}
