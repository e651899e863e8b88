namespace Cabinet.Closing;

/// <summary>The sealed archive of a closed meeting: where it is, its size and the SHA-256 of its signed manifest.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.archive-info")]
public sealed record ArchiveInfo(string ArchiveId, string ManifestSha256, long Size, DateTimeOffset SealedAt, string MinutesSha256);
