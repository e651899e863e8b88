namespace Cabinet.Opinions;

/// <summary>
/// A document the ballot asks about: a PDF checked by content and kept in the SHA-256 blob store. A new file under the
/// same name is its next version (<see cref="Version"/> counts from 1).
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-document")]
public sealed record OpinionDocument(string Name, int Version, string Sha256, long Bytes, DateTimeOffset AttachedAt);
