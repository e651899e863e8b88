using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Cabinet.Testing;

/// <summary>One key-encryption key file per Redis server the tests start: what every host of that cluster is given.</summary>
public static class SharedKeys
{
    private static readonly ConcurrentDictionary<string, string> Files = new(StringComparer.Ordinal);

    public static string For(string redisConnectionString) => Files.GetOrAdd(redisConnectionString, _ =>
    {
        var file = Path.Combine(RepositoryPaths.NewTempFolder("kek"), "kek");
        File.WriteAllBytes(file, RandomNumberGenerator.GetBytes(32));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return file;
    });
}
