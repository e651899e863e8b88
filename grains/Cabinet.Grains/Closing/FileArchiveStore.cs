using Cabinet.Encryption;

namespace Cabinet.Closing;

/// <summary>
/// Archives as read-only files under the data folder, each the signed ZIP sealed under its organisation's data key; a
/// file is created once and never replaced (rotation re-seals it in place).
/// </summary>
public sealed class FileArchiveStore(string dataPath, RecordCipher cipher) : IArchiveStore
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(dataPath, "archives")).FullName;

    public async Task<bool> TryAddAsync(string meetingId, byte[] archive)
    {
        var path = PathOf(meetingId);
        if (File.Exists(path))
        {
            return false;
        }

        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            await file.WriteAsync(cipher.Seal(RecordOf(meetingId), archive));
            file.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temp, path, overwrite: false);
            File.SetAttributes(path, FileAttributes.ReadOnly);
            Storage.PrivateFiles.SyncFolder(Path.GetDirectoryName(path)!);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return false;
        }
    }

    public async Task<byte[]?> GetAsync(string meetingId)
    {
        var path = PathOf(meetingId);
        return File.Exists(path) ? cipher.Open(RecordOf(meetingId), await File.ReadAllBytesAsync(path)) : null;
    }

    internal static RecordName RecordOf(string meetingId) => new("archive", meetingId);

    // Meeting ids are validated slugs "org/meeting"; keep them as a folder and a file name.
    private string PathOf(string meetingId) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, Meetings.MeetingKey.OrganizationOf(meetingId))).FullName,
            meetingId[(meetingId.IndexOf('/', StringComparison.Ordinal) + 1)..] + ".zip");
}
