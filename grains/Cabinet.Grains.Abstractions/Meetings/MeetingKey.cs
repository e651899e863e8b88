using System.Text.RegularExpressions;

namespace Cabinet.Meetings;

/// <summary>
/// A meeting's identity, <c>"{organisationId}/{meetingId}"</c>: the meeting grain's key and the id clients use.
/// Both parts are short lower-case slugs, so a key is safe in URLs, group names and file names.
/// </summary>
public static partial class MeetingKey
{
    public const int MaxLength = 100;

    public static string Of(string organizationId, string meetingId) => $"{organizationId}/{meetingId}";

    public static bool IsValid(string? key) => key is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(key);

    public static string OrganizationOf(string key) => key[..key.IndexOf('/', StringComparison.Ordinal)];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}/[a-z0-9][a-z0-9-]{0,58}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
