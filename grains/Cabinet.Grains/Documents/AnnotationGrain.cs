using System.Collections.Immutable;
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
/// </summary>
public sealed partial class AnnotationGrain(
    [PersistentState("annotations", StorageNames.Meetings)] IPersistentState<AnnotationState> state,
    IDocumentBlobStore blobs,
    DocumentLimits limits,
    TimeProvider clock,
    ILogger<AnnotationGrain> logger) : Grain, IAnnotationGrain
{
    private readonly DocumentTexts _texts = new(blobs, limits);

    private string MeetingId => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf('#')];

    private string DocumentId => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('#') + 1)..];

    public async Task<Result<ImmutableArray<AnnotationView>>> ListAsync(Actor actor)
    {
        var access = await EnterAsync(actor);
        return access.Ok
            ? Result<ImmutableArray<AnnotationView>>.Of([.. state.State.Annotations.Where(a => a.Author == actor.UserName || a.Shared)])
            : Result<ImmutableArray<AnnotationView>>.Refused(access.Error!);
    }

    public async Task<Result<AnnotationView>> AddAsync(Actor actor, AnnotationInput input)
    {
        var access = await EnterAsync(actor);
        if ((access.Error ?? Check(access.Value!, input)
            ?? Refusal(AnnotationRules.Count(state.State.Annotations.Count(a => a.Author == actor.UserName), limits))) is { } refusal)
        {
            return Result<AnnotationView>.Refused(refusal);
        }

        var now = clock.GetUtcNow();
        var view = new AnnotationView(
            $"a{state.State.NextNumber}", DocumentId, actor.UserName, actor.DisplayName, input.Kind, input.Version, input.Anchor, input.Text,
            input.Ink, input.Color, input.Shared, NeedsAttention: false, now, now);
        return await SaveAsync(
            state.State with { Annotations = state.State.Annotations.Add(view), NextNumber = state.State.NextNumber + 1 }, view, wasShared: false);
    }

    public async Task<Result<AnnotationView>> UpdateAsync(Actor actor, string annotationId, AnnotationInput input)
    {
        var access = await EnterAsync(actor);
        var (before, refusal) = access.Ok ? Own(actor, annotationId) : (null, access.Error);
        if ((refusal ?? Check(access.Value!, input)) is { } error)
        {
            return Result<AnnotationView>.Refused(error);
        }

        var after = before! with
        {
            Kind = input.Kind, Version = input.Version, Anchor = input.Anchor, Text = input.Text, Ink = input.Ink, Color = input.Color,
            Shared = input.Shared, NeedsAttention = false, AuthorName = actor.DisplayName, UpdatedAt = clock.GetUtcNow(),
        };
        return await SaveAsync(state.State with { Annotations = state.State.Annotations.Replace(before!, after) }, after, before!.Shared);
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

        var after = before with { Shared = shared, UpdatedAt = clock.GetUtcNow() };
        return await SaveAsync(state.State with { Annotations = state.State.Annotations.Replace(before, after) }, after, before.Shared);
    }

    public async Task<CommandResult> DeleteAsync(Actor actor, string annotationId)
    {
        var access = await EnterAsync(actor);
        var (before, refusal) = access.Ok ? Own(actor, annotationId) : (null, access.Error);
        if (refusal is not null)
        {
            return CommandResult.Refused(refusal);
        }

        var saved = await WriteAsync(state.State with { Annotations = state.State.Annotations.Remove(before!) });
        if (saved is not null)
        {
            return CommandResult.Refused(saved);
        }

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
        state.State.Annotations.FirstOrDefault(a => a.AnnotationId == annotationId) switch
        {
            null => (null, ErrorCodes.AnnotationNotFound),
            { } a when a.Author != actor.UserName => (null, ErrorCodes.AnnotationNotYours),
            { } a => (a, null),
        };

    private static CabinetError? Refusal(DocumentError? error) => error is null ? null : ErrorCodes.From(error);

    private async Task<Result<AnnotationView>> SaveAsync(AnnotationState next, AnnotationView view, bool wasShared)
    {
        if (await WriteAsync(next) is { } failed)
        {
            return Result<AnnotationView>.Refused(failed);
        }

        if (view.Shared || wasShared)
        {
            Relay(new AnnotationChange(MeetingId, DocumentId, view.AnnotationId, view.Shared ? view : null));
        }

        return Result<AnnotationView>.Of(view);
    }

    /// <summary>Persists <paramref name="next"/>; on failure the previous state stays in memory and the write is refused.</summary>
    private async Task<CabinetError?> WriteAsync(AnnotationState next)
    {
        var before = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
            return null;
        }
        catch (Exception ex)
        {
            state.State = before;
            LogWriteFailed(ex, this.GetPrimaryKeyString());
            DeactivateOnIdle();
            return ErrorCodes.StorageFailed;
        }
    }

    private void Relay(AnnotationChange change) => GrainFactory.GetGrain<IMeetingGrain>(MeetingId).RelayAnnotationAsync(change).Ignore();

    [LoggerMessage(Level = LogLevel.Error, Message = "Annotations {Key}: storing failed; the change was refused")]
    private partial void LogWriteFailed(Exception exception, string key);
}
