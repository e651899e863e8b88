using Cabinet.Closing;
using Cabinet.Integration;
using Microsoft.Extensions.Logging;

namespace Cabinet.Opinions;

/// <summary>
/// <c>opinion.closed</c> for other systems: raised once the consolidated report is sealed (the outcome is final then,
/// and the report and archive links answer), into the integration outbox the webhook dispatcher drains. The ballot's
/// step stands whatever happens here.
/// </summary>
public sealed partial class OpinionBallotGrain
{
    private async Task RaiseClosedAsync()
    {
        if (S.Report is not { } report)
        {
            return;
        }

        try
        {
            var consolidation = OpinionTallies.Consolidate(S, Key);
            var links = $"/api/v1/opinions/{Key}";
            // Counts and outcomes only: never who answered what, nor a written opinion's text.
            var data = new
            {
                opinion = new
                {
                    organizationId = S.OrganizationId, ballotId = Key, title = S.Title, deadline = S.Deadline, sentAt = S.SentAt, closedAt = S.ClosedAt,
                    asked = consolidation.Asked, answered = consolidation.Answered.Length, version = S.Version,
                    questions = consolidation.Questions.Select(q => new
                    {
                        questionId = q.QuestionId, text = q.Text, passes = q.Passes, outcome = q.Outcome,
                        counts = q.Counts.Select(c => new { answer = c.Answer, label = c.Label, count = c.Count }),
                    }),
                    report = new
                    {
                        pdfSha256 = report.PdfSha256, archiveSha256 = report.ArchiveSha256, madeAt = report.MadeAt,
                        reportUrl = $"{links}/report.pdf", archiveUrl = $"{links}/archive.zip",
                    },
                },
            };
            await GrainFactory.GetGrain<IIntegrationOutboxGrain>(IIntegrationOutboxGrain.Key)
                .AddAsync(IntegrationEvent.Of($"{Key}:{S.Version}", IntegrationEventTypes.OpinionClosed, S.OrganizationId, report.MadeAt, data));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogIntegrationFailed(ex, Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Opinion ballot {Key}: the opinion.closed event did not reach the integration outbox")]
    private partial void LogIntegrationFailed(Exception ex, string key);
}
