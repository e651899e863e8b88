namespace Cabinet.Web.Operations;

/// <summary>
/// <c>&lt;DataPath&gt;/cabinet.lock</c>, held exclusively for as long as an embedded-mode Cabinet runs on the folder, and
/// by <c>backup</c> and <c>restore</c> while they work: so a backup is never taken of a folder that is being written,
/// and two processes never write one folder. The kernel drops the lock when the process ends, however it ends.
/// </summary>
public static class DataFolderLock
{
    public const string FileName = "cabinet.lock";

    /// <summary>The held lock, or null when another process holds it.</summary>
    public static FileStream? TryTake(string dataPath)
    {
        Directory.CreateDirectory(dataPath);
        try
        {
            return new FileStream(Path.Combine(dataPath, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static FileStream Take(string dataPath) => TryTake(dataPath) ?? throw new InvalidOperationException(
        $"Another process (a running Cabinet, a backup or a restore) holds {Path.Combine(dataPath, FileName)}; one process at a time may use a data folder.");
}

/// <summary>The running host's hold on its data folder's lock.</summary>
public sealed record HeldDataFolder(FileStream Lock);
