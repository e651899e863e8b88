namespace Cabinet.Web.Hosting;

/// <summary>
/// Headers on every response: a content security policy that fits Blazor Server and PDF.js (scripts and connections
/// only from Cabinet itself, WebAssembly for PDF.js's image decoders, no framing, no plugins), no sniffing, no
/// referrer, no powerful browser features. A response that sets its own policy (a served file) keeps it.
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";

    /// <summary>For files people upload: shown, never run (no script, no plugin, no same-origin access).</summary>
    public const string FilePolicy = "sandbox; default-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd("Content-Security-Policy", PagePolicy);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on form posts, which OriginCheck must refuse.
            headers.TryAdd("Referrer-Policy", "same-origin");
            headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()");
            headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
            return Task.CompletedTask;
        });
        return next(context);
    });
}
