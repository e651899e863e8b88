namespace Cabinet.Opinions;

/// <summary>
/// An opinion ballot's identity, <c>"{organisationId}/{ballotId}"</c>, shaped like a meeting's key (and checked by the
/// same rule) so it is safe in URLs, group names, file names and the signed answer's <c>meetingId</c>.
/// </summary>
public static class OpinionKey
{
    public static string Of(string organizationId, string ballotId) => Meetings.MeetingKey.Of(organizationId, ballotId);

    /// <summary>A fresh ballot key in the organisation (the hub and the REST API draft with it).</summary>
    public static string New(string organizationId) => Of(organizationId, $"ykien-{Guid.NewGuid():N}"[..22]);

    public static bool IsValid(string? key) => Meetings.MeetingKey.IsValid(key);

    public static string OrganizationOf(string key) => Meetings.MeetingKey.OrganizationOf(key);

    /// <summary>The signed answer's <c>pollId</c>.</summary>
    public const string AnswerPollId = "opinion";
}
