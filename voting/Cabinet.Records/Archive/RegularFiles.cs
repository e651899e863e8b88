using System.Runtime.InteropServices;

namespace Cabinet.Records.Archive;

/// <summary>
/// Whether a path is a plain file, asked without opening it: opening a FIFO blocks until someone writes to it, and
/// a device can be endless. .NET exposes no file type, so on Unix this asks the runtime's own native shim (lstat).
/// </summary>
internal static class RegularFiles
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <param name="followLinks">Whether a symbolic link counts as the file it points to (a path the user typed) or not at all (inside an archive).</param>
    public static bool IsRegularFile(string path, bool followLinks = false)
    {
        if (OperatingSystem.IsWindows())
        {
            var info = new FileInfo(path);
            return info.Exists && (followLinks || info.LinkTarget is null)
                && (info.Attributes & (FileAttributes.Device | FileAttributes.Directory)) == 0;
        }

        // FileStatus in System.Native starts with int Flags, int Mode; the buffer leaves room for the whole struct.
        var status = new byte[256];
        var found = followLinks ? NativeMethods.Stat(path, status) : NativeMethods.LStat(path, status);
        return found == 0 && (BitConverter.ToInt32(status, 4) & TypeMask) == RegularFile;
    }

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
        internal static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
        internal static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
    }
}
