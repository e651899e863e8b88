using System.Globalization;

namespace Cabinet.Meetings;

/// <summary>
/// How the meeting indexes are sharded. An organisation's listings live in one grain per month of their scheduled
/// start (<c>"{org}/{yyyy-MM}"</c>), a person's invitations in one grain per year (<c>"{user}/{yyyy}"</c>), both by
/// UTC; each owner's catalog (<c>"org:{org}"</c>, <c>"person:{user}"</c>) lists the shards it has.
/// </summary>
public static class MeetingIndexKeys
{
    public static string Month(DateTimeOffset scheduledStart) =>
        scheduledStart.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Year(DateTimeOffset scheduledStart) =>
        scheduledStart.UtcDateTime.ToString("yyyy", CultureInfo.InvariantCulture);

    public static string OrganizationShard(string organizationId, string month) => $"{organizationId}/{month}";

    public static string PersonShard(string userName, string year) => $"{userName}/{year}";

    public static string OrganizationCatalog(string organizationId) => $"org:{organizationId}";

    public static string PersonCatalog(string userName) => $"person:{userName}";

    /// <summary>Splits a shard key into its owner and its period (month or year); the period never holds a slash.</summary>
    public static (string Owner, string Period) Split(string shardKey)
    {
        var slash = shardKey.LastIndexOf('/');
        return (shardKey[..slash], shardKey[(slash + 1)..]);
    }
}
