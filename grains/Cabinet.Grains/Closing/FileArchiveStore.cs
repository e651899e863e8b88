namespace Cabinet.Closing;

/// <summary>Archives as read-only ZIP files under the data folder; a file is created once and never replaced.</summary>
public sealed class FileArchiveStore(string dataPath) : IArchiveStore
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
            await file.WriteAsync(archive);
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
        return File.Exists(path) ? await File.ReadAllBytesAsync(path) : null;
    }

    // Meeting ids are validated slugs "org/meeting"; keep them as a folder and a file name.
    private string PathOf(string meetingId) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, Meetings.MeetingKey.OrganizationOf(meetingId))).FullName,
            meetingId[(meetingId.IndexOf('/', StringComparison.Ordinal) + 1)..] + ".zip");
}
