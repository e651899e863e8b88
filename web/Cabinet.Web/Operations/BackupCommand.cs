using Cabinet.Web.Hosting;

namespace Cabinet.Web.Operations;

/// <summary>
/// <c>backup DIR</c> and <c>restore DIR [--force]</c>, with Cabinet's own configuration (appsettings, environment,
/// <c>--Cabinet:DataPath=…</c>, <c>--ConnectionStrings:Redis=…</c>). Embedded mode copies the data folder while holding
/// its lock, so it refuses while Cabinet runs on the folder; Redis mode saves every key of Cabinet's database (stop
/// every host first: keys written during the scan may or may not be in the copy) plus the data folder (the development CA).
/// Exit code 0 when done, 1 when refused (with the reason), 2 on bad usage.
/// </summary>
public static class BackupCommand
{
    public const string Backup = "backup";

    public const string Restore = "restore";

    private const string DataFolder = "data";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var force = args.Contains("--force", StringComparer.Ordinal);
        var folders = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (folders.Count != 1 || (args[0] == Backup && force))
        {
            Console.Error.WriteLine("Usage: backup DIR | restore DIR [--force]   (plus Cabinet's own settings, e.g. --Cabinet:DataPath=…)");
            return 2;
        }

        var (dataPath, redis) = Configured([.. args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))]);
        try
        {
            return args[0] == Backup
                ? await TakeAsync(Path.GetFullPath(folders[0]), dataPath, redis)
                : await PutBackAsync(Path.GetFullPath(folders[0]), dataPath, redis, force);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StackExchange.Redis.RedisException)
        {
            Console.Error.WriteLine($"{args[0]} failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> TakeAsync(string backup, string dataPath, string? redis)
    {
        if (Directory.Exists(backup) && Directory.EnumerateFileSystemEntries(backup).Any())
        {
            return Refuse($"{backup} is not empty; a backup goes into a new or empty folder.");
        }

        using var held = redis is null ? DataFolderLock.TryTake(dataPath) : null;
        if (redis is null && held is null)
        {
            return Refuse($"Cabinet (or another backup or restore) is running on {dataPath}; stop it first, so the copy is consistent.");
        }

        Cabinet.Storage.PrivateFiles.Folder(backup);
        CopyFolder(dataPath, Path.Combine(backup, DataFolder));
        var keys = redis is null ? 0 : await RedisKeys.SaveAsync(redis, Path.Combine(backup, RedisKeys.FileName));
        var manifest = BackupManifest.Write(backup, redis is null ? BackupManifest.Embedded : BackupManifest.Redis);
        Console.WriteLine($"Backup of {(redis is null ? dataPath : "Redis and " + dataPath)} in {backup}: {manifest.Files.Count} files"
            + (redis is null ? "." : $", {keys} Redis keys."));
        return 0;
    }

    private static async Task<int> PutBackAsync(string backup, string dataPath, string? redis, bool force)
    {
        var (manifest, problem) = BackupManifest.Check(backup);
        if (manifest is null)
        {
            return Refuse($"The backup in {backup} is refused: {problem}");
        }

        if ((manifest.Mode == BackupManifest.Redis) != (redis is not null))
        {
            return Refuse($"The backup is of {manifest.Mode} mode, but this configuration is {(redis is null ? "embedded" : "Redis")} mode.");
        }

        using var held = DataFolderLock.TryTake(dataPath);
        if (held is null)
        {
            return Refuse($"Cabinet (or another backup or restore) is running on {dataPath}; stop it first.");
        }

        var occupied = Entries(dataPath).Any() || (redis is not null && await RedisKeys.CountAsync(redis) > 0);
        if (occupied && !force)
        {
            return Refuse($"The target ({(redis is null ? dataPath : "Redis or " + dataPath)}) is not empty; add --force to replace what is there.");
        }

        foreach (var entry in Entries(dataPath))
        {
            if (Directory.Exists(entry)) { Directory.Delete(entry, recursive: true); } else { File.Delete(entry); }
        }

        CopyFolder(Path.Combine(backup, DataFolder), dataPath);
        var keys = redis is null ? 0 : await RedisKeys.RestoreAsync(redis, Path.Combine(backup, RedisKeys.FileName));
        Console.WriteLine($"Restored {manifest.Files.Count} files taken at {manifest.TakenAt:u} into {dataPath}" + (redis is null ? "." : $" and {keys} Redis keys."));
        return 0;
    }

    /// <summary>What is in the data folder besides its lock.</summary>
    private static IEnumerable<string> Entries(string dataPath) =>
        Directory.EnumerateFileSystemEntries(dataPath).Where(e => Path.GetFileName(e) != DataFolderLock.FileName);

    /// <summary>Copies a folder with each file's mode (archives stay read-only), leaving out the lock and readiness probes.</summary>
    private static void CopyFolder(string from, string to)
    {
        Cabinet.Storage.PrivateFiles.Folder(to);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative == DataFolderLock.FileName || Path.GetFileName(relative).StartsWith(ReadinessChecks.ProbePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Cabinet.Storage.PrivateFiles.Folder(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(file));
            }
        }
    }

    private static int Refuse(string reason)
    {
        Console.Error.WriteLine(reason);
        return 1;
    }

    /// <summary>The data folder and Redis connection string exactly as Cabinet itself would read them.</summary>
    private static (string DataPath, string? Redis) Configured(string[] hostArgs)
    {
        var builder = WebApplication.CreateBuilder(hostArgs);
        var silo = CabinetBuilderExtensions.SiloOptions(builder.Configuration, builder.Environment);
        return (silo.DataPath, silo.UsesRedis ? silo.RedisConnectionString : null);
    }
}
