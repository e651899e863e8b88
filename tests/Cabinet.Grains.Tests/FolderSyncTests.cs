using Cabinet.Storage;

namespace Cabinet.Grains.Tests;

/// <summary>The folder flush that makes a created or renamed file durable really opens folders, and only folders.</summary>
public sealed class FolderSyncTests
{
    [Fact]
    public void A_folder_is_flushed_and_anything_else_is_an_error()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "fsync on a folder is done on Linux only");
        var folder = Directory.CreateTempSubdirectory("cabinet-sync-").FullName;
        try
        {
            var file = Path.Combine(folder, "state.json");
            File.WriteAllText(file, "{}");

            PrivateFiles.SyncFolder(folder);
            Assert.Throws<IOException>(() => PrivateFiles.SyncFolder(file));                       // not a folder (O_DIRECTORY)
            Assert.Throws<IOException>(() => PrivateFiles.SyncFolder(Path.Combine(folder, "gone")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
