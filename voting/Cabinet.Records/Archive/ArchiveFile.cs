namespace Cabinet.Records.Archive;

/// <summary>One file of the archive as the manifest lists it.</summary>
/// <param name="Signs">For a detached signature (".p7s"), the archive path of the file it signs.</param>
public sealed record ArchiveFile(string Path, string Sha256, long Size, string? Signs = null);
