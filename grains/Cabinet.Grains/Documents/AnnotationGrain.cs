using System.Collections.Immutable;
using System.Globalization;
using Cabinet.Documents.Annotations;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Storage;
using Microsoft.Extensions.Logging;

namespace Cabinet.Documents;

/// <summary>
/// The annotations on one document of one meeting. Every call first asks the meeting grain whether the caller is a
/// participant with access to the document (and which versions exist), brings the annotations up to the latest
/// version, then applies the rules. Only the author changes an annotation; only shared ones reach the room.
/// Each annotation is stored on its own (<see cref="IAnnotationStore"/>): a change writes that one entry, whatever
/// else the document holds. The grain keeps them all in memory, at most the per-person limit for each participant.
/// </summary>
public sealed partial class AnnotationGrain(
    [PersistentState("annotations", StorageNames.Meetings)] IPersistentState<AnnotationState> legacy,
    IAnnotationStore store,
    IDocumentBlobStore blobs,
    DocumentLimits limits,
    TimeProvider clock,
    ILogger<AnnotationGrain> logger) : Grain, IAnnotationGrain
{
    private readonly DocumentTexts _texts = new(blobs, limits);

    /// <summary>By number (a17 is 17): the order of the listing, which a cursor can resume whatever is deleted meanwhile.</summary>
    private ImmutableSortedDictionary<int, AnnotationView> _annotations = ImmutableSortedDictionary<int, AnnotationView>.Empty;

    /// <summary>
    /// The header as stored. The next number in memory may be ahead of it (the stored entries show that part), and so may
    /// how far the annotations are brought when none needed moving.
    /// </summary>
    private AnnotationHeader _header = new(1, 0);

    private int _nextNumber = 1;

    private string MeetingId => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf('#')];

    private string DocumentId => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('#') + 1)..];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await MoveLegacyStateAsync();
        Load(await store.ReadAsync(MeetingId, DocumentId));
    }

    public async Task<Result<AnnotationPage>> ListAsync(Actor actor, string? after, int count)
    {
        var access = await EnterAsync(actor);
        var from = after is null ? 0 : NumberOf(after);
        if ((access.Error ?? (from is null ? ErrorCodes.Invalid("Vị trí trang không hợp lệ.") : null)) is { } refusal)
        {
            return Result<AnnotationPage>.Refused(refusal);
        }

        var (items, bytes, wanted) = (ImmutableArray.CreateBuilder<AnnotationView>(), 0, Math.Clamp(count, 1, AnnotationPage.MaxItems));
        foreach (var a in _annotations.Where(p => p.Key > from).Select(p => p.Value).Where(a => a.Author == actor.UserName || a.Shared))
        {
            bytes += AnnotationJson.Write(a).Length + 1;
            if (items.Count == wanted || (items.Count > 0 && bytes > AnnotationPage.MaxBytes))
            {
                return Result<AnnotationPage>.Of(new AnnotationPage(items.ToImmutable(), items[^1].AnnotationId));
            }

            items.Add(a);
        }

        return Result<AnnotationPage>.Of(new AnnotationPage(items.ToImmutable(), null));
    }

    public async Task<Result<AnnotationView>> AddAsync(Actor actor, AnnotationInput input)
    {
        var access = await EnterAsync(actor);
        if ((access.Error ?? Check(access.Value!, input)
            ?? Refusal(AnnotationRules.Count(_annotations.Values.Count(a => a.Author == actor.UserName), limits))) is { } refusal)
        {
            return Result<AnnotationView>.Refused(refusal);
        }

        var now = clock.GetUtcNow();
        var (anchor, ink) = AnnotationShapes.Stored(input);
        var view = new AnnotationView(
            $"a{_nextNumber}", DocumentId, actor.UserName, actor.DisplayName, input.Kind, input.Version, anchor, input.Text,
            ink, input.Color, input.Shared, NeedsAttention: false, now, now);
        return await SaveAsync(_nextNumber, view, wasShared: false);
    }

    public async Task<Result<AnnotationView>> UpdateAsync(Actor actor, string annotationId, AnnotationInput input)
    {
        var access = await EnterAsync(actor);
        var (before, refusal) = access.Ok ? Own(actor, annotationId) : (null, access.Error);
        if ((refusal ?? Check(access.Value!, input)) is { } error)
        {
            return Result<AnnotationView>.Refused(error);
        }

        var (anchor, ink) = AnnotationShapes.Stored(input);
        var after = before! with
        {
            Kind = input.Kind, Version = input.Version, Anchor = anchor, Text = input.Text, Ink = ink, Color = input.Color,
            Shared = input.Shared, NeedsAttention = false, AuthorName = actor.DisplayName, UpdatedAt = clock.GetUtcNow(),
        };
        return await SaveAsync(NumberOf(annotationId)!.Value, after, before!.Shared);
    }

    public async Task<Result<AnnotationView>> ShareAsync(Actor actor, string annotationId, bool shared)
    {
        var access = await EnterAsync(actor);
        var (before, refusal) = access.Ok ? Own(actor, annotationId) : (null, access.Error);
        if ((refusal ?? (shared ? MayShare(access.Value!) : null)) is { } error)
        {
            return Result<AnnotationView>.Refused(error);
        }

        if (before!.Shared == shared)
        {
            return Result<AnnotationView>.Of(before);
        }

        return await SaveAsync(NumberOf(annotationId)!.Value, before with { Shared = shared, UpdatedAt = clock.GetUtcNow() }, before.Shared);
    }

    public async Task<CommandResult> DeleteAsync(Actor actor, string annotationId)
    {
        var access = await EnterAsync(actor);
        var (before, refusal) = access.Ok ? Own(actor, annotationId) : (null, access.Error);
        if (refusal is not null)
        {
            return CommandResult.Refused(refusal);
        }

        // Once the highest number is gone only the header remembers it: store that first, so no number is given twice.
        var header = _header with { NextNumber = _nextNumber };
        var failed = await WriteAsync(async () =>
        {
            if (header != _header)
            {
                await store.PutAsync(MeetingId, DocumentId, [Entry(header)]);
            }

            await store.RemoveAsync(MeetingId, DocumentId, before!.AnnotationId);
        });
        if (failed is not null)
        {
            return CommandResult.Refused(failed);
        }

        (_header, _annotations) = (header, _annotations.Remove(NumberOf(annotationId)!.Value));
        if (before!.Shared)
        {
            Relay(new AnnotationChange(MeetingId, DocumentId, before.AnnotationId, null));
        }

        return CommandResult.Accepted(0);
    }

    /// <summary>Who may annotate: the meeting's participants, on a document that is not classified.</summary>
    private async Task<Result<DocumentAccess>> EnterAsync(Actor actor)
    {
        var access = await GrainFactory.GetGrain<IMeetingGrain>(MeetingId).GetDocumentAccessAsync(actor, DocumentId);
        if (!access.Ok)
        {
            return access;
        }

        if (access.Value!.Document.Classified)
        {
            return Result<DocumentAccess>.Refused(ErrorCodes.DocumentClassified);
        }

        await ReanchorAsync(access.Value.Document);
        return access;
    }

    private CabinetError? Check(DocumentAccess access, AnnotationInput? input)
    {
        if (input is null)
        {
            return ErrorCodes.From(DocumentErrors.InvalidAnnotation("thiếu nội dung."));
        }

        var latest = access.Document.Latest!;
        if (input.Version != latest.Number)
        {
            return ErrorCodes.From(DocumentErrors.InvalidAnnotation($"chỉ ghi chú trên phiên bản mới nhất ({latest.Number})."));
        }

        return Refusal(AnnotationRules.Check(AnnotationShapes.Of(input), latest.Pages, limits)) ?? (input.Shared ? MayShare(access) : null);
    }

    /// <summary>Observers follow the meeting read-only: they may keep private notes but not share them with the room.</summary>
    private static CabinetError? MayShare(DocumentAccess access) => access.Role == MeetingRole.Observer ? ErrorCodes.Forbidden : null;

    private (AnnotationView? View, CabinetError? Refusal) Own(Actor actor, string? annotationId) =>
        (NumberOf(annotationId) is { } number ? _annotations.GetValueOrDefault(number) : null) switch
        {
            null => (null, ErrorCodes.AnnotationNotFound),
            { } a when a.Author != actor.UserName => (null, ErrorCodes.AnnotationNotYours),
            { } a => (a, null),
        };

    private static CabinetError? Refusal(DocumentError? error) => error is null ? null : ErrorCodes.From(error);

    /// <summary>Stores one annotation as its own entry; memory changes only once it is stored.</summary>
    private async Task<Result<AnnotationView>> SaveAsync(int number, AnnotationView view, bool wasShared)
    {
        var json = AnnotationJson.Write(view);
        if (json.Length > AnnotationPage.MaxItemBytes)
        {
            return Result<AnnotationView>.Refused(ErrorCodes.From(DocumentErrors.InvalidAnnotation(
                $"ghi chú quá lớn ({json.Length / 1024} KiB khi gửi đi; tối đa {AnnotationPage.MaxItemBytes / 1024} KiB).")));
        }

        if (await WriteAsync(() => store.PutAsync(MeetingId, DocumentId, [new(view.AnnotationId, json)])) is { } failed)
        {
            return Result<AnnotationView>.Refused(failed);
        }

        (_annotations, _nextNumber) = (_annotations.SetItem(number, view), Math.Max(_nextNumber, number + 1));
        if (view.Shared || wasShared)
        {
            Relay(new AnnotationChange(MeetingId, DocumentId, view.AnnotationId, view.Shared ? view : null));
        }

        return Result<AnnotationView>.Of(view);
    }

    /// <summary>Runs a store write; on failure nothing in memory has changed yet and the write is refused.</summary>
    private async Task<CabinetError?> WriteAsync(Func<Task> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (Exception ex)
        {
            LogWriteFailed(ex, this.GetPrimaryKeyString());
            DeactivateOnIdle(); // the store may hold part of a batch: the next activation reads what it really holds
            return ErrorCodes.StorageFailed;
        }
    }

    private void Load(IReadOnlyDictionary<string, byte[]> entries)
    {
        var annotations = ImmutableSortedDictionary.CreateBuilder<int, AnnotationView>();
        foreach (var (name, json) in entries)
        {
            if (NumberOf(name) is { } number)
            {
                annotations[number] = AnnotationJson.Read(json);
            }
        }

        _annotations = annotations.ToImmutable();
        _header = entries.TryGetValue(AnnotationHeader.EntryName, out var header) ? AnnotationJson.ReadHeader(header) : new(1, 0);
        _nextNumber = Math.Max(_header.NextNumber, _annotations.IsEmpty ? 1 : _annotations.Keys.Last() + 1);
    }

    private static KeyValuePair<string, byte[]> Entry(AnnotationHeader header) => new(AnnotationHeader.EntryName, AnnotationJson.Write(header));

    /// <summary>The number in an annotation id ("a17" is 17), or null for anything that is not one.</summary>
    private static int? NumberOf(string? annotationId) =>
        annotationId is ['a', .. var digits] && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n > 0 && $"a{n}" == annotationId ? n : null;

    private void Relay(AnnotationChange change) => GrainFactory.GetGrain<IMeetingGrain>(MeetingId).RelayAnnotationAsync(change).Ignore();

    [LoggerMessage(Level = LogLevel.Error, Message = "Annotations {Key}: storing failed; the change was refused")]
    private partial void LogWriteFailed(Exception exception, string key);
}
