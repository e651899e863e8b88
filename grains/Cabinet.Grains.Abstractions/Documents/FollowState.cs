namespace Cabinet.Documents;

/// <summary>
/// "Follow me": the presenter (chair or the current item's presenter) leads every viewer to this document,
/// version and page. <see cref="Off"/> when nobody leads.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.follow")]
public sealed record FollowState(string? Leader, string? DocumentId, int Version, int Page)
{
    public static FollowState Off { get; } = new(null, null, 0, 0);

    public bool Active => Leader is not null;
}
