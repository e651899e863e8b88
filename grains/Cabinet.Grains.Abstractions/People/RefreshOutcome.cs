using Cabinet.Errors;

namespace Cabinet.People;

/// <summary>
/// A rotated refresh token, or the refusal. <see cref="ReuseDetected"/>: the token had already been rotated, so it was
/// copied; the whole family (the session) has been ended.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.refresh-outcome")]
public sealed record RefreshOutcome(string? SessionId, string? RefreshToken, CabinetError? Error, bool ReuseDetected)
{
    public bool Ok => Error is null;
}
