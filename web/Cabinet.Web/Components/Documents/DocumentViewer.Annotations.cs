using System.Collections.Immutable;
using Cabinet.Documents;
using Cabinet.Errors;
using Microsoft.JSInterop;

namespace Cabinet.Web.Components.Documents;

/// <summary>The viewer's annotation commands: each goes to the annotation grain as the signed-in person.</summary>
public sealed partial class DocumentViewer
{
    private async Task HighlightAsync()
    {
        var selected = await ViewerAsync<SelectedText?>("captureHighlight");
        if (selected is null)
        {
            _error = new CabinetError("documents.no_selection", "Hãy chọn (bôi đen) đoạn văn bản cần tô sáng trên trang.");
            return;
        }

        var anchor = new AnnotationAnchor(selected.Page, [.. selected.Rects], selected.Quote);
        await KeepAsync(Meeting.AddAnnotationAsync(Document.DocumentId, new AnnotationInput(Version, AnnotationKind.Highlight, anchor, null, null, HighlightColor, _share)));
    }

    private async Task SaveNoteAsync()
    {
        if (_pendingNote is not { } note)
        {
            return;
        }

        var anchor = new AnnotationAnchor(note.Page, [new AnnotationRect(note.X, note.Y, 0, 0)], note.Quote);
        if (await KeepAsync(Meeting.AddAnnotationAsync(Document.DocumentId, new AnnotationInput(Version, AnnotationKind.Note, anchor, _noteText, null, null, _share))))
        {
            _pendingNote = null;
        }
    }

    private async Task SaveInkAsync()
    {
        var drawing = await ViewerAsync<InkDrawing?>("takeInk");
        if (drawing is null)
        {
            _error = new CabinetError("documents.no_ink", "Hãy vẽ lên trang trước khi lưu.");
            return;
        }

        var xs = drawing.Strokes.SelectMany(s => s.Where((_, i) => i % 2 == 0)).ToArray();
        var ys = drawing.Strokes.SelectMany(s => s.Where((_, i) => i % 2 == 1)).ToArray();
        var bounds = new AnnotationRect(xs.Min(), ys.Min(), xs.Max() - xs.Min(), ys.Max() - ys.Min());
        var ink = drawing.Strokes.Select(s => s.ToImmutableArray()).ToImmutableArray();
        var anchor = new AnnotationAnchor(drawing.Page, [bounds], drawing.Quote);
        await KeepAsync(Meeting.AddAnnotationAsync(Document.DocumentId, new AnnotationInput(Version, AnnotationKind.Ink, anchor, null, ink, InkColor, _share)));
    }

    private Task ShareAsync(AnnotationView a, bool shared) => KeepAsync(Meeting.ShareAnnotationAsync(Document.DocumentId, a.AnnotationId, shared));

    private Task SaveTextAsync(AnnotationView a, string text) => KeepAsync(Meeting.UpdateAnnotationAsync(Document.DocumentId, a.AnnotationId,
        new AnnotationInput(a.Version, a.Kind, a.Anchor, text, a.Ink, a.Color, a.Shared)));

    private async Task DeleteAsync(AnnotationView a)
    {
        var deleted = await Meeting.DeleteAnnotationAsync(Document.DocumentId, a.AnnotationId);
        _error = deleted.Error;
        if (deleted.Ok)
        {
            await ReplaceAsync(a.AnnotationId, null);
        }

        StateHasChanged();
    }

    /// <summary>Shows the stored annotation (or the refusal); true when it was stored.</summary>
    private async Task<bool> KeepAsync(Task<Result<AnnotationView>> command)
    {
        var result = await command;
        _error = result.Error;
        if (result.Value is { } stored)
        {
            await ReplaceAsync(stored.AnnotationId, stored);
        }

        StateHasChanged();
        return result.Ok;
    }

    /// <summary>A shared annotation changed somewhere in the room; our own private ones never come this way.</summary>
    private Task OnAnnotationChangedAsync(AnnotationChange change) =>
        change.DocumentId != Document.DocumentId ? Task.CompletedTask : InvokeAsync(async () =>
        {
            var mine = _annotations.FirstOrDefault(a => a.AnnotationId == change.AnnotationId)?.Author == Me;
            if (change.Shared is not null || !mine)
            {
                await ReplaceAsync(change.AnnotationId, change.Shared);
            }

            StateHasChanged();
        });

    private async Task ReplaceAsync(string annotationId, AnnotationView? now)
    {
        var index = _annotations.IndexOf(_annotations.FirstOrDefault(a => a.AnnotationId == annotationId)!);
        _annotations = (index, now) switch
        {
            (>= 0, null) => _annotations.RemoveAt(index),
            (>= 0, _) => _annotations.SetItem(index, now),
            (_, null) => _annotations,
            _ => _annotations.Add(now),
        };
        await DrawMarksAsync();
    }
}
