using System.Collections.Immutable;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Web.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace Cabinet.Web.Components.Documents;

public sealed partial class DocumentViewer
{
    private const string HighlightColor = "#ffeb3b";
    private const string InkColor = "#2196f3";
    private ElementReference _host;
    private IJSObjectReference? _module;
    private DotNetObjectReference<DocumentViewer>? _self;
    private int _pages, _page, _goTo = 1, _versionsKnown;
    private PageRequest? _applied;
    private string _query = "", _tool = "select", _noteText = "";
    private bool _share, _disposed, _reading;
    private SearchOutcome? _search;
    private NotePoint? _pendingNote;
    private CabinetError? _error;
    private ImmutableArray<AnnotationView> _annotations = [];

    [Parameter, EditorRequired] public DocumentView Document { get; set; } = default!;
    [Parameter, EditorRequired] public int Version { get; set; }
    [Parameter, EditorRequired] public string FileUrl { get; set; } = "";
    /// <summary>The page asked for from outside: opening the document, the presenter leading.</summary>
    [Parameter] public PageRequest? Request { get; set; }
    [Parameter] public bool CanAnnotate { get; set; }

    /// <summary>The reader's name laid lightly over the pages (null: none), to discourage photographs of the screen.</summary>
    [Parameter] public string? ScreenWatermark { get; set; }

    /// <summary>Where a print copy (marked with the person's name) is fetched; null when this person may take no copy.</summary>
    [Parameter] public string? PrintUrl { get; set; }
    [Parameter] public EventCallback<int> PageShown { get; set; }
    [Parameter] public EventCallback<VersionPage> VersionChosen { get; set; }
    [Parameter] public RenderFragment? ChildContent { get; set; }
    /// <summary>The meeting whose annotation grains hold this document's notes; null outside a meeting (an opinion ballot's document): no annotations then.</summary>
    [CascadingParameter] public MeetingSession? Session { get; set; }

    /// <summary>The meeting session for annotating, offered only when <see cref="CanAnnotate"/> (which needs a meeting).</summary>
    private MeetingSession Meeting => Session ?? throw new InvalidOperationException("Annotations belong to a meeting's document.");

    private string Me => Session?.Actor?.UserName ?? "";

    private IEnumerable<AnnotationView> OnThisVersion => _annotations.Where(a => a.Version == Version && !a.NeedsAttention);

    private IEnumerable<AnnotationView> NeedAttention => _annotations.Where(a => a.NeedsAttention);

    /// <summary>The latest version, when this viewer shows an older one.</summary>
    private DocumentVersionView? Newer => Document.Latest is { } latest && latest.Number > Version ? latest : null;

    /// <summary>Annotations on a newer version than this one (most moved there by re-anchoring).</summary>
    private int MovedOn => _annotations.Count(a => a.Version > Version);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        if (Session is not null)
        {
            Session.AnnotationChanged += OnAnnotationChangedAsync;
        }

        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Documents/DocumentViewer.razor.js");
        _self = DotNetObjectReference.Create(this);
        var opened = await ViewerAsync<OpenedDocument>("open", _self, FileUrl);
        if (_disposed)
        {
            return; // closed (or another version chosen) while the file was loading
        }

        if (opened is not { Pages: > 0 })
        {
            _error = ViewerFailed;
            StateHasChanged();
            return;
        }

        _pages = opened.Pages;
        await LoadAnnotationsAsync();
        if (_disposed)
        {
            return;
        }

        _applied = Request;
        await ViewerAsync("show", Math.Max(1, Request?.Page ?? 1));
        StateHasChanged();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_module is not null && _pages > 0 && Request is { } request && request != _applied)
        {
            _applied = request;
            await ShowAsync(request.Page);
        }

        // A new version was issued while this one is open: the annotation grain re-anchors before it answers, so
        // listing again brings the private annotations along too (only shared changes are pushed).
        if (_module is not null && _pages > 0 && Document.Versions.Length != _versionsKnown)
        {
            await LoadAnnotationsAsync();
        }
    }

    private async Task LoadAnnotationsAsync()
    {
        _versionsKnown = Document.Versions.Length;
        if (Session is null)
        {
            return;
        }

        var (loaded, after, error) = (ImmutableArray.CreateBuilder<AnnotationView>(), (string?)null, (CabinetError?)null);
        do
        {
            var page = await Session.ListAnnotationsAsync(Document.DocumentId, after);
            loaded.AddRange(page.Value?.Items ?? []);
            (after, error) = (page.Value?.NextAfter, page.Error);
        }
        while (after is not null && !_disposed);

        (_annotations, _error) = (loaded.ToImmutable(), error);
        await DrawMarksAsync();
    }

    /// <summary>
    /// Hands the page its marks. The viewer may have been closed (another version chosen) while an annotation call
    /// or a push was on its way; then there is nothing left to draw on.
    /// </summary>
    private async Task DrawMarksAsync()
    {
        await ViewerAsync("setAnnotations", (object)Marks());
    }

    [JSInvokable("PageShown")]
    public async Task PageShownAsync(int page)
    {
        (_page, _goTo) = (page, page);
        await PageShown.InvokeAsync(page);
        StateHasChanged();
    }

    [JSInvokable("NotePlaced")]
    public Task NotePlacedAsync(NotePoint point)
    {
        (_pendingNote, _noteText) = (point, "");
        StateHasChanged();
        return Task.CompletedTask;
    }

    [JSInvokable("AnnotationChosen")]
    public Task AnnotationChosenAsync(string annotationId) => ChooseAsync(annotationId);

    private async Task ShowAsync(int page)
    {
        if (page >= 1 && page <= _pages)
        {
            await ViewerAsync("show", page);
        }
    }

    private Task GoOnEnterAsync(KeyboardEventArgs e) => e.Key == "Enter" ? ShowAsync(_goTo) : Task.CompletedTask;

    private Task ZoomAsync(string how) => ViewerAsync("zoom", how);

    private async Task SearchAsync()
    {
        if (!string.IsNullOrWhiteSpace(_query))
        {
            _search = await ViewerAsync<SearchOutcome>("search", _query) ?? _search;
        }
    }

    private async Task NextHitAsync(int step)
    {
        _search = await ViewerAsync<SearchOutcome>("nextHit", step) ?? _search;
    }

    private Task ChooseVersionAsync(ChangeEventArgs e) =>
        int.TryParse(e.Value?.ToString(), out var number) ? VersionChosen.InvokeAsync(new VersionPage(number, 1)) : Task.CompletedTask;

    private async Task ChooseToolAsync(string tool)
    {
        _tool = tool;
        _pendingNote = null;
        await ViewerAsync("setTool", tool);
    }

    private async Task ChooseAsync(string annotationId)
    {
        var chosen = _annotations.FirstOrDefault(a => a.AnnotationId == annotationId);
        if (chosen is null)
        {
            return;
        }

        if (chosen.Version != Version)
        {
            await VersionChosen.InvokeAsync(new VersionPage(chosen.Version, chosen.Anchor.Page));
            return;
        }

        await ShowAsync(chosen.Anchor.Page);
    }

    /// <summary>What the page draws: every annotation on this version, also those flagged for a newer one (still right here).</summary>
    private ViewerMark[] Marks() => [.. _annotations.Where(a => a.Version == Version).Select(a => ViewerMark.Of(a, Me))];

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (Session is not null)
        {
            Session.AnnotationChanged -= OnAnnotationChangedAsync;
        }

        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("dispose", _host);
                await _module.DisposeAsync();
            }
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // The page or the connection is already gone: nothing left to release in the browser.
        }

        _self?.Dispose();
    }
}
