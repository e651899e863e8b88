namespace Cabinet.Hub.Tests;

/// <summary>Every file under a data folder is 0600 and every folder 0700: nothing Cabinet stores is readable by another account.</summary>
internal static class PrivateFileChecks
{
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Folder = File | UnixFileMode.UserExecute;

    public static void AssertOwnerOnly(string dataPath)
    {
        var entries = new DirectoryInfo(dataPath).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(new DirectoryInfo(dataPath)).ToList();
        Assert.Contains(entries, e => e.Name.EndsWith(".xml", StringComparison.Ordinal) || e.Name.EndsWith(".p12", StringComparison.Ordinal));
        var wrong = entries.Where(e => e.UnixFileMode != (e is DirectoryInfo ? Folder : File))
            .Select(e => $"{Convert.ToString((int)e.UnixFileMode, 8)} {e.FullName}").ToList();
        Assert.True(wrong.Count == 0, "Not owner-only:\n" + string.Join("\n", wrong));
    }
}
