using System.Text;
using Cabinet.Storage;
using StackExchange.Redis;

namespace Cabinet.Encryption;

/// <summary>
/// <c>rotate-keys --reencrypt</c>: every sealed record under an older data key is sealed again under the newest key of
/// its scope, in place, where each store keeps it (a whole file or value, a grain state after its ETag line, each line
/// of a journal segment, each field of a hash, each element of a list). Plaintext from before encryption is left for
/// its next write. Run on a stopped installation: a record written meanwhile could be overwritten by its older form.
/// </summary>
public static class Reencryption
{
    /// <summary>The data folder's records but the files named <paramref name="leaveOut"/> (a lock); returns how many were sealed again.</summary>
    public static int InFolder(string dataPath, RecordCipher cipher, params string[] leaveOut)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        var count = 0;
        var keys = Path.Combine(Path.GetFullPath(dataPath), "keys") + Path.DirectorySeparatorChar; // keys are wrapped, not sealed
        foreach (var path in Directory.EnumerateFiles(dataPath, "*", SearchOption.AllDirectories)
            .Where(p => !Path.GetFullPath(p).StartsWith(keys, StringComparison.Ordinal) && !leaveOut.Contains(Path.GetFileName(p))))
        {
            var stored = File.ReadAllBytes(path);
            var (resealed, changed) = path.EndsWith(".jsonl", StringComparison.Ordinal) ? Lines(stored, cipher) : Whole(stored, cipher);
            if (changed == 0)
            {
                continue;
            }

            var readOnly = File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly); // archives
            File.SetAttributes(path, File.GetAttributes(path) & ~FileAttributes.ReadOnly);
            PrivateFiles.Replace(path, resealed);
            if (readOnly)
            {
                File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
            }

            count += changed;
        }

        return count;
    }

    /// <summary>Every key of the Redis database; returns how many values were sealed again.</summary>
    public static int InRedis(string connectionString, RecordCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        using var redis = ConnectionMultiplexer.Connect(connectionString);
        var db = redis.GetDatabase();
        var count = 0;
        foreach (var key in redis.GetServers()[0].Keys(db.Database, pageSize: 500))
        {
            switch (db.KeyType(key))
            {
                case RedisType.String when cipher.Reseal((byte[])db.StringGet(key)!) is { } value:
                    db.StringSet(key, value, null, keepTtl: true);
                    count++;
                    break;
                case RedisType.Hash:
                    foreach (var field in db.HashGetAll(key))
                    {
                        if (cipher.Reseal((byte[])field.Value!) is { } resealed)
                        {
                            db.HashSet(key, field.Name, resealed);
                            count++;
                        }
                    }

                    break;
                case RedisType.List:
                    var elements = db.ListRange(key);
                    for (var i = 0; i < elements.Length; i++)
                    {
                        if (cipher.Reseal((byte[])elements[i]!) is { } resealed)
                        {
                            db.ListSetByIndex(key, i, resealed);
                            count++;
                        }
                    }

                    break;
            }
        }

        return count;
    }

    /// <summary>A file that is one record, or a grain state: its ETag line, then the record.</summary>
    private static (byte[] Content, int Changed) Whole(byte[] stored, RecordCipher cipher)
    {
        if (cipher.Reseal(stored) is { } resealed)
        {
            return (resealed, 1);
        }

        var newline = Array.IndexOf(stored, (byte)'\n');
        return newline is > 0 and < 24 && cipher.Reseal(stored.AsSpan(newline + 1)) is { } state
            ? ([.. stored.AsSpan(0, newline + 1), .. state], 1)
            : (stored, 0);
    }

    /// <summary>A journal segment: each line a record in base64 (or an entry from before encryption, left as it is).</summary>
    private static (byte[] Content, int Changed) Lines(byte[] stored, RecordCipher cipher)
    {
        var (lines, changed) = (new StringBuilder(), 0);
        foreach (var line in Encoding.UTF8.GetString(stored).Split('\n'))
        {
            var resealed = line.Length > 0 && line[0] != '{' ? cipher.Reseal(Convert.FromBase64String(line)) : null;
            lines.Append(resealed is null ? line : Convert.ToBase64String(resealed)).Append('\n');
            changed += resealed is null ? 0 : 1;
        }

        lines.Length--; // the split's last piece is what followed the final newline
        return (Encoding.UTF8.GetBytes(lines.ToString()), changed);
    }
}
