using System.Security.Cryptography;
using System.Text.Json;

namespace Cabinet.Web.Operations;

/// <summary>
/// <c>manifest.json</c> of a backup folder: which storage mode it came from and every file in it with its SHA-256. A
/// backup whose files differ from their manifest in any way (changed, missing, extra) is refused whole.
/// </summary>
public sealed record BackupManifest(int Format, string Mode, DateTimeOffset TakenAt, List<BackupFile> Files)
{
    public const string FileName = "manifest.json";

    public const string Embedded = "embedded";

    public const string Redis = "redis";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Lists every file under <paramref name="folder"/> (but the manifest) and writes the manifest there.</summary>
    public static BackupManifest Write(string folder, string mode)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f != FileName)
            .Order(StringComparer.Ordinal)
            .Select(f => new BackupFile(f, Sha256(Path.Combine(folder, f)), new FileInfo(Path.Combine(folder, f)).Length))
            .ToList();
        var manifest = new BackupManifest(1, mode, DateTimeOffset.UtcNow, files);
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(manifest, Json));
        return manifest;
    }

    /// <summary>The manifest of <paramref name="folder"/> once every file matches it; otherwise the first difference.</summary>
    public static (BackupManifest? Manifest, string? Problem) Check(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return (null, $"{FileName} is missing: this is not a Cabinet backup.");
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            return (null, $"{FileName} cannot be read: {ex.Message}");
        }

        if (manifest is not { Format: 1, Files: not null } || manifest.Mode is not (Embedded or Redis))
        {
            return (null, $"{FileName} is not a backup manifest this version understands.");
        }

        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var extra = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .FirstOrDefault(f => f != FileName && !listed.Contains(f));
        if (extra is not null)
        {
            return (null, $"{extra} is not in the manifest.");
        }

        foreach (var file in manifest.Files)
        {
            var full = Path.GetFullPath(Path.Combine(folder, file.Path));
            if (!full.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return (null, $"{file.Path} points outside the backup.");
            }

            if (!File.Exists(full))
            {
                return (null, $"{file.Path} is missing.");
            }

            if (!string.Equals(Sha256(full), file.Sha256, StringComparison.Ordinal))
            {
                return (null, $"{file.Path} does not match its SHA-256 in the manifest.");
            }
        }

        return (manifest, null);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

public sealed record BackupFile(string Path, string Sha256, long Length);
