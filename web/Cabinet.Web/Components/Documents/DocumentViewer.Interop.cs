using Cabinet.Errors;
using Microsoft.JSInterop;

namespace Cabinet.Web.Components.Documents;

/// <summary>
/// Every call into the viewer's JS module goes through here. The viewer can be closed (another version chosen, the
/// page left, the connection gone) while a call is on its way: then there is nothing to do. A call that fails on an
/// open viewer shows a Vietnamese message in the viewer instead of ending the person's circuit.
/// </summary>
public sealed partial class DocumentViewer
{
    private static readonly CabinetError ViewerFailed = new("documents.viewer_failed", "Không mở được tài liệu trong trình duyệt.");

    private async Task ViewerAsync(string identifier, params object?[] arguments) =>
        await ViewerAsync<object?>(identifier, arguments);

    private async Task<T?> ViewerAsync<T>(string identifier, params object?[] arguments)
    {
        if (_module is null || _disposed)
        {
            return default;
        }

        try
        {
            return await _module.InvokeAsync<T>(identifier, [_host, .. arguments]);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or ObjectDisposedException or TaskCanceledException)
        {
            if (!_disposed && e is JSException)
            {
                _error = ViewerFailed;
                StateHasChanged();
            }

            return default;
        }
    }
}
