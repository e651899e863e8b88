using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Web.Localization;
using Cabinet.Web.Sessions;
using Microsoft.AspNetCore.Components;

namespace Cabinet.Web.Components.Documents;

public sealed partial class DocumentsPanel
{
    private string? _openId;
    private int _version, _page;
    private PageRequest _request = new(1, 0);
    private bool _steppedAway;
    private FollowState? _applied;
    private DocumentReadings? _readings;
    private string? _readingsFor, _readingsError;

    [Parameter, EditorRequired] public MeetingSnapshot Meeting { get; set; } = default!;
    [Parameter] public MeetingRole Role { get; set; }
    [Parameter, EditorRequired] public Func<Func<IMeetingGrain, People.Actor, Task<CommandResult>>, Task> Run { get; set; } = default!;
    [CascadingParameter] public MeetingSession Session { get; set; } = default!;

    private string Me => Session.Actor?.UserName ?? "";

    private bool CanPrepare => MeetingPermissions.CanPrepare(Role);

    private bool CanAnnotate => Role is not MeetingRole.None && Meeting.Status != MeetingStatus.Closed;

    private bool CanLead => Meeting.MayLead(Me);

    private bool Following => Meeting.Follow.Active && Meeting.Follow.Leader != Me && !_steppedAway;

    private DocumentView? OpenDocument => Meeting.Documents.FirstOrDefault(d => d.DocumentId == _openId && !d.Classified);

    protected override void OnParametersSet()
    {
        var follow = Meeting.Follow;
        if (!follow.Active)
        {
            (_steppedAway, _applied) = (false, null);
        }
        else if (Following && follow != _applied && follow.DocumentId is { } documentId)
        {
            _applied = follow;
            (_openId, _version, _request) = (documentId, follow.Version, _request.Next(follow.Page));
        }
    }

    private IEnumerable<(string Title, DocumentView[] Documents)> Groups()
    {
        var items = Meeting.Agenda.OrderBy(i => i.Id == Meeting.Current?.ItemId ? 0 : 1).ToList();
        foreach (var item in items)
        {
            var documents = Meeting.Documents.Where(d => d.ItemId == item.Id).ToArray();
            if (documents.Length > 0)
            {
                yield return (item.Id == Meeting.Current?.ItemId ? L["Đang thảo luận: {0}", item.Title] : item.Title, documents);
            }
        }

        var general = Meeting.Documents.Where(d => d.ItemId is null || items.All(i => i.Id != d.ItemId)).ToArray();
        if (general.Length > 0)
        {
            yield return (L["Tài liệu chung"], general);
        }
    }

    private void Open(string documentId, int version, int page)
    {
        if (Following && (documentId != Meeting.Follow.DocumentId || version != Meeting.Follow.Version))
        {
            _steppedAway = true;
        }

        (_openId, _version, _request) = (documentId, version, _request.Next(page));
    }

    /// <summary>Who has opened the document: asked when the secretary wants it, not pushed (it changes with every first reading).</summary>
    private async Task ShowReadingsAsync(string documentId)
    {
        var result = await Session.GetDocumentReadingsAsync(documentId);
        (_readingsFor, _readings, _readingsError) = (documentId, result.Value, result.Ok ? null : L.Refusal(result.Error!));
    }

    private Task SetScreenWatermarkAsync(string documentId, bool shown) => Run((g, a) => g.SetScreenWatermarkAsync(a, documentId, shown));

    /// <summary>The reader's name and the day, laid over the pages when the document asks for it.</summary>
    private string? ScreenWatermarkOf(DocumentView document) =>
        document.ScreenWatermark ? $"{Session.Actor?.DisplayName} · {MeetingTimes.Day(DateTimeOffset.UtcNow)}" : null;

    private void Close()
    {
        _steppedAway |= Following;
        _openId = null;
    }

    private Task OnPageShownAsync(int page)
    {
        _page = page;
        var follow = Meeting.Follow;
        return follow.Active && follow.Leader == Me && follow.DocumentId == _openId && follow.Version == _version && follow.Page != page
            ? Run((g, a) => g.FollowPageAsync(a, page))
            : Task.CompletedTask;
    }

    private Task StartFollowAsync() =>
        _openId is { } id ? Run((g, a) => g.StartFollowAsync(a, id, _version, Math.Max(1, _page))) : Task.CompletedTask;

    private Task StopFollowAsync() => Run((g, a) => g.StopFollowAsync(a));

    private void StepAway() => _steppedAway = true;

    private void Rejoin()
    {
        (_steppedAway, _applied) = (false, null);
        OnParametersSet();
    }

    private string NameOf(string? userName) =>
        Meeting.Participants.FirstOrDefault(p => p.UserName == userName)?.DisplayName ?? userName ?? "";

    private string FileUrl(string documentId, int version, bool download) =>
        $"/api/meetings/{Meeting.MeetingId}/documents/{Uri.EscapeDataString(documentId)}/versions/{version}/file" + (download ? "?download=1" : "");

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
