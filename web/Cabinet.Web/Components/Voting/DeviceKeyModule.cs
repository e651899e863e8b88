using Microsoft.JSInterop;

namespace Cabinet.Web.Components.Voting;

/// <summary>The browser module that keeps the person's signing key (BallotForm.razor.js): every page that signs imports it from here.</summary>
internal static class DeviceKeyModule
{
    public static ValueTask<IJSObjectReference> ImportAsync(IJSRuntime js) =>
        js.InvokeAsync<IJSObjectReference>("import", "./Components/Voting/BallotForm.razor.js");
}
