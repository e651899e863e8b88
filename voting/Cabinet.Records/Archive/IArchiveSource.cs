namespace Cabinet.Records.Archive;

/// <summary>The files of an archive to verify, read in place: from the ZIP's streams or from an unpacked folder.</summary>
internal interface IArchiveSource : IDisposable
{
    IReadOnlyList<string> Paths { get; }

    /// <returns>The file's bytes, at most <paramref name="limit"/> + 1 of them (so a longer file shows as longer); null if absent.</returns>
    byte[]? Read(string path, long limit);
}
