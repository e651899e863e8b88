namespace Cabinet.People;

/// <summary>A browser session (cookie) or an app's token family (access tokens and a rotating refresh token).</summary>
public enum SessionKind
{
    Browser = 0,
    App = 1,
}
