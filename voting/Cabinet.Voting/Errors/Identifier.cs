namespace Cabinet.Voting.Errors;

/// <summary>
/// Ids, user names, option ids and nonces are restricted to printable ASCII without quotes or backslashes, so
/// that JavaScript's JSON.stringify and <c>CanonicalJson</c> write them byte for byte alike (no escaping rules to agree on).
/// </summary>
internal static class Identifier
{
    public const int MaxLength = 128;

    public static bool IsValid(string? value, int maxLength = MaxLength) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength && value.All(c => c is > ' ' and <= '~' and not '"' and not '\\');

    public static bool IsNonce(string? value) =>
        value is { Length: >= 16 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
