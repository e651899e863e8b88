using System.Collections.Immutable;

namespace Cabinet.People;

/// <summary>The fixed list of scopes an integration client may be granted; each REST endpoint names the one it needs.</summary>
public static class IntegrationScopes
{
    public const string MeetingsRead = "meetings:read";
    public const string MeetingsWrite = "meetings:write";
    public const string DocumentsRead = "documents:read";
    public const string DocumentsWrite = "documents:write";
    public const string PollsRead = "polls:read";
    public const string ArchivesRead = "archives:read";
    public const string PeopleRead = "people:read";
    public const string PeopleWrite = "people:write";
    public const string WebhooksManage = "webhooks:manage";
    public const string OpinionsRead = "opinions:read";
    public const string OpinionsWrite = "opinions:write";

    public static readonly ImmutableArray<string> All =
        [MeetingsRead, MeetingsWrite, DocumentsRead, DocumentsWrite, PollsRead, ArchivesRead, PeopleRead, PeopleWrite, WebhooksManage, OpinionsRead, OpinionsWrite];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
