using Cabinet.Encryption;
using Cabinet.Web.Hosting;

namespace Cabinet.Web.Operations;

/// <summary>
/// <c>rotate-keys</c> with Cabinet's own configuration, on a stopped installation (embedded mode holds the data folder's
/// lock; in Redis mode stop every host first):
/// <list type="bullet">
/// <item>no option: a new data key for every organisation and the installation; new records are sealed under it, older
/// ones stay readable under the keys they were sealed with;</item>
/// <item><c>--rewrap --new-key-file FILE</c>: every data key wrapped again under the KEK in FILE (made when missing);
/// then point Cabinet:Encryption:KeyFile at FILE;</item>
/// <item><c>--reencrypt</c>: every record sealed under an older data key is sealed again under the newest one.</item>
/// </list>
/// Exit code 0 when done, 1 when refused (with the reason), 2 on bad usage, 3 when the configured KEK does not open the keys.
/// </summary>
public static class RotateKeysCommand
{
    public const string Name = "rotate-keys";

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = args.Skip(1).Where(a => !a.Contains('=', StringComparison.Ordinal)).ToList();
        var rewrap = options.Remove("--rewrap");
        var reencrypt = options.Remove("--reencrypt");
        var at = options.IndexOf("--new-key-file");
        var newKeyFile = at >= 0 && at + 1 < options.Count ? options[at + 1] : null;
        if (newKeyFile is not null)
        {
            options.RemoveRange(at, 2);
        }

        if (options.Count > 0 || (rewrap && reencrypt) || rewrap != (newKeyFile is not null))
        {
            Console.Error.WriteLine("Usage: rotate-keys [--rewrap --new-key-file FILE | --reencrypt]   (plus Cabinet's own settings, e.g. --Cabinet:DataPath=…)");
            return 2;
        }

        var builder = WebApplication.CreateBuilder([.. args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))]);
        var silo = CabinetBuilderExtensions.SiloOptions(builder.Configuration, builder.Environment);
        using var held = silo.UsesRedis ? null : DataFolderLock.TryTake(silo.DataPath);
        if (!silo.UsesRedis && held is null)
        {
            Console.Error.WriteLine($"Cabinet (or a backup, restore or rotation) is running on {silo.DataPath}; stop it first.");
            return 1;
        }

        try
        {
            using var cipher = EncryptionAtRest.Open(silo);
            if (!cipher.Encrypts)
            {
                Console.Error.WriteLine("Encryption at rest is switched off (Cabinet:Encryption:Enabled=false): there are no keys to rotate.");
                return 1;
            }

            if (rewrap)
            {
                var path = Path.GetFullPath(newKeyFile!);
                if (!File.Exists(path))
                {
                    KeyFileKek.Create(path);
                }

                using var next = KeyFileKek.Open(path, createIfMissing: false);
                cipher.Ring.RewrapUnder(next);
                Console.WriteLine($"{cipher.Ring.Count} data keys are now wrapped by {next.Description}. Set Cabinet:Encryption:KeyFile={path} "
                    + "before starting Cabinet; keep the old key until no backup needs it.");
            }
            else if (reencrypt)
            {
                var count = silo.UsesRedis ? Reencryption.InRedis(silo.RedisConnectionString!, cipher) : Reencryption.InFolder(silo.DataPath, cipher, DataFolderLock.FileName);
                Console.WriteLine($"{count} records sealed again under the newest data key of their organisation or of the installation.");
            }
            else
            {
                cipher.Ring.AddVersions();
                Console.WriteLine($"New data keys for {cipher.Ring.Scopes.Count} scopes (organisations and the installation): new records are "
                    + "sealed under them; older records stay readable. `rotate-keys --reencrypt` seals those again under the new keys.");
            }

            return 0;
        }
        catch (EncryptionKeyException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 3;
        }
    }
}
