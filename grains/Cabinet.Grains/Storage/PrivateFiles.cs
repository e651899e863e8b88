using System.Runtime.InteropServices;

namespace Cabinet.Storage;

/// <summary>
/// Everything Cabinet writes (grain state, keys, documents, archives) is readable by its own account only: files
/// 0600 in folders 0700. The process-wide umask makes that the default for every writer, including libraries
/// (data-protection keys, Orleans); key files are also written with an explicit mode, so they stay private even
/// where the umask was not set (tests hosting grains in-process).
/// </summary>
public static partial class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>New files 0600 and folders 0700 from now on, for the whole process.</summary>
    public static void UseOwnerOnlyByDefault()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = SetUmask(Convert.ToUInt32("077", 8));
        }
    }

    /// <summary>Creates the folder (and its parents) and makes it 0700, also when it existed with a wider mode.</summary>
    public static string Folder(string path)
    {
        var folder = Directory.CreateDirectory(path).FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, FolderMode);
        }

        return folder;
    }

    /// <summary>Writes a file that only this account may read (a private key, a password), replacing any earlier one.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using (var file = new FileStream(path, options))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, FileMode); // an existing file keeps its old mode on Create
        }
    }

    /// <summary>
    /// Replaces a file whole: the content goes to a temporary file beside it, flushed to disk, which is then renamed over
    /// it, so a crash leaves the old content or the new one, never half of either.
    /// </summary>
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var temp = path + ".tmp";
        Write(temp, content);
        File.Move(temp, path, overwrite: true);
        SyncFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>
    /// Narrows every file below <paramref name="folder"/> to 0600 and every folder to 0700: an install from before this
    /// rule. A data folder already 0700 was written under it, so start-up does not walk it again.
    /// </summary>
    public static void Tighten(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder) || File.GetUnixFileMode(folder) == FolderMode)
        {
            return;
        }

        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            var wanted = entry is DirectoryInfo ? FolderMode : FileMode;
            if (entry.LinkTarget is null && (entry.UnixFileMode & ~wanted) != 0)
            {
                entry.UnixFileMode &= wanted;
            }
        }

        File.SetUnixFileMode(folder, FolderMode); // last: a walk cut short by a crash is done again at the next start
    }

    /// <summary>
    /// Makes a folder's entries durable: a file just created or renamed into it survives a power cut only once the
    /// folder itself is flushed (fsync on the folder; Linux only, where Cabinet runs in production).
    /// </summary>
    public static void SyncFolder(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var handle = Open(folder, ReadOnlyDirectory);
        if (handle < 0)
        {
            throw new IOException($"Cannot open {folder} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(handle) != 0)
            {
                throw new IOException($"Flushing {folder} failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(handle);
        }
    }

    /// <summary>O_RDONLY | O_DIRECTORY on Linux.</summary>
    private const int ReadOnlyDirectory = 0x10000;

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint SetUmask(uint mask);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int handle);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int handle);
}
