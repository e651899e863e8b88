namespace Cabinet.Notices;

/// <summary>
/// A link to Cabinet (a path) as people and systems outside the app reach it, from <c>Cabinet:PublicBaseUrl</c>: the links in
/// notices and in integration events such as <c>opinion.closed</c>.
/// </summary>
public sealed class NoticeLinks(string? publicBaseUrl)
{
    private readonly string _base = (publicBaseUrl ?? "").TrimEnd('/');

    /// <summary>(On Unix "/meetings/…" parses as an absolute file URI, so only an http(s) link counts as absolute.)</summary>
    public string Absolute(string link) =>
        link.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || link.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || _base.Length == 0
            ? link
            : $"{_base}/{link.TrimStart('/')}";
}
