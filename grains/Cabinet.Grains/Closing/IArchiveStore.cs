namespace Cabinet.Closing;

/// <summary>Write-once storage of sealed meeting archives: the first archive stored for a meeting is the only one, forever.</summary>
public interface IArchiveStore
{
    /// <returns>false when an archive for the meeting already exists (it is left untouched).</returns>
    Task<bool> TryAddAsync(string meetingId, byte[] archive);

    Task<byte[]?> GetAsync(string meetingId);
}
