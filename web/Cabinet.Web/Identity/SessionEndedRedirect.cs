using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Cabinet.Web.Identity;

/// <summary>
/// The pages are interactive islands under a static router, so no component re-checks [Authorize] when a circuit's
/// user changes. This does, for the whole circuit: when <see cref="SessionRevalidation"/> finds the session ended, the
/// browser is sent to the sign-in page (a full load, which the ended cookie cannot pass).
/// </summary>
public sealed class SessionEndedRedirect(AuthenticationStateProvider authentication, NavigationManager navigation) : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChangedAsync;
        return Task.CompletedTask;
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChangedAsync;

    private async void OnChangedAsync(Task<AuthenticationState> changed)
    {
        try
        {
            if ((await changed).User.Identity?.IsAuthenticated != true)
            {
                navigation.NavigateTo("/login", forceLoad: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Microsoft.JSInterop.JSException or OperationCanceledException)
        {
            // the circuit is going away anyway
        }
    }
}
