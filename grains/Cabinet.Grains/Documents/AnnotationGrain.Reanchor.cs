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
        foreach (var author in _annotations.Values.Select(a => (a.Author, a.AuthorName)).Distinct())
        {
            var access = await GrainFactory.GetGrain<IMeetingGrain>(MeetingId).GetDocumentAccessAsync(new Actor(author.Author, author.AuthorName, "", false), DocumentId);
            if (access.Ok)
            {
                await ReanchorAsync(access.Value!.Document);
                return;
            }
        }
    }

    /// <summary>
    /// Writes only the annotations that changed, then the header saying how far they are brought. A crash before the
    /// header leaves some moved and some not; the next call does the rest (the moved ones are on the latest already).
    /// </summary>
    private async Task ReanchorAsync(DocumentView document)
    {
        var latest = document.Latest!;
        if (_header.ReanchoredThrough >= latest.Number)
        {
            return;
        }

        if (!_annotations.Values.Any(a => a.Version < latest.Number))
        {
            // Nothing drawn on an older version: no need to parse the PDF (hundreds of milliseconds for the first note on
            // a document, every later note waiting behind it). Noted in memory only: a new activation finds nothing to move either.
            _header = _header with { ReanchoredThrough = latest.Number };
            return;
        }

        var target = await _texts.ReadAsync(latest);
        if (target is null)
        {
            LogUnreadable(this.GetPrimaryKeyString(), latest.Number);
            return;
        }

        var now = clock.GetUtcNow();
        var changed = new List<(int Number, AnnotationView View, byte[] Json)>();
        foreach (var (number, a) in _annotations.Where(p => p.Value.Version < latest.Number))
        {
            var source = a.Version >= 1 && a.Version <= document.Versions.Length ? await _texts.ReadAsync(document.Versions[a.Version - 1]) : null;
            var placement = source is null ? null : Reanchoring.Move(AnnotationShapes.Of(a), source, target);
            var next = placement is null ? a with { NeedsAttention = true } : AnnotationShapes.Placed(a, latest.Number, placement, now);
            var json = AnnotationJson.Write(next);
            if (json.Length > AnnotationPage.MaxItemBytes)
            {
                // Moved coordinates can take more digits than the drawn ones; too large to list, it stays where it was.
                (next, json) = (a with { NeedsAttention = true }, AnnotationJson.Write(a with { NeedsAttention = true }));
            }

            if (next != a)
            {
                changed.Add((number, next, json));
            }
        }

        var header = _header with { NextNumber = _nextNumber, ReanchoredThrough = latest.Number };
        if (await WriteAsync(() => store.PutAsync(MeetingId, DocumentId, [.. changed.Select(c => KeyValuePair.Create(c.View.AnnotationId, c.Json)), Entry(header)])) is not null)
        {
            return;
        }

        (_header, _annotations) = (header, _annotations.SetItems(changed.Select(c => KeyValuePair.Create(c.Number, c.View))));
        foreach (var shared in changed.Select(c => c.View).Where(a => a.Shared))
        {
            Relay(new AnnotationChange(MeetingId, DocumentId, shared.AnnotationId, shared));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Annotations {Key}: version {Version} could not be read for re-anchoring; will try again")]
    private partial void LogUnreadable(string key, int version);
}
