using Cabinet.Documents.Anchoring;
using Cabinet.Meetings;
using Cabinet.People;
using Microsoft.Extensions.Logging;

namespace Cabinet.Documents;

/// <summary>Bringing the annotations up to the latest version of the document (never dropping one).</summary>
public sealed partial class AnnotationGrain
{
    public async Task ReanchorAsync()
    {
        // Asked by the meeting grain without a caller: any author still in the meeting may read the document's versions.
        foreach (var author in state.State.Annotations.Select(a => (a.Author, a.AuthorName)).Distinct())
        {
            var access = await GrainFactory.GetGrain<IMeetingGrain>(MeetingId).GetDocumentAccessAsync(new Actor(author.Author, author.AuthorName, "", false), DocumentId);
            if (access.Ok)
            {
                await ReanchorAsync(access.Value!.Document);
                return;
            }
        }
    }

    private async Task ReanchorAsync(DocumentView document)
    {
        var latest = document.Latest!;
        if (state.State.ReanchoredThrough >= latest.Number)
        {
            return;
        }

        var target = await _texts.ReadAsync(latest);
        if (target is null)
        {
            LogUnreadable(this.GetPrimaryKeyString(), latest.Number);
            return;
        }

        var now = clock.GetUtcNow();
        var annotations = state.State.Annotations;
        var changed = new List<AnnotationView>();
        foreach (var a in annotations.Where(a => a.Version < latest.Number).ToList())
        {
            var source = a.Version >= 1 && a.Version <= document.Versions.Length ? await _texts.ReadAsync(document.Versions[a.Version - 1]) : null;
            var placement = source is null ? null : Reanchoring.Move(AnnotationShapes.Of(a), source, target);
            var next = placement is null ? a with { NeedsAttention = true } : AnnotationShapes.Placed(a, latest.Number, placement, now);
            if (next != a)
            {
                annotations = annotations.Replace(a, next);
                changed.Add(next);
            }
        }

        if (await WriteAsync(state.State with { Annotations = annotations, ReanchoredThrough = latest.Number }) is null)
        {
            foreach (var shared in changed.Where(a => a.Shared))
            {
                Relay(new AnnotationChange(MeetingId, DocumentId, shared.AnnotationId, shared));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Annotations {Key}: version {Version} could not be read for re-anchoring; will try again")]
    private partial void LogUnreadable(string key, int version);
}
