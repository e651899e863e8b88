using Cabinet.Hosting;

namespace Cabinet.Encryption;

/// <summary>Opens the configured KEK and the stored data keys of an installation: what every store seals with.</summary>
public static class EncryptionAtRest
{
    /// <summary>Where Development keeps the key file it makes when none is configured (inside the data folder: never in production).</summary>
    public static string DevelopmentKeyFile(string dataPath) => Path.Combine(dataPath, "keys", "development-kek.key");

    /// <exception cref="EncryptionKeyException">No KEK configured, or it is missing or not the one the data keys were wrapped with.</exception>
    public static RecordCipher Open(CabinetSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Encryption;
        if (!settings.Enabled)
        {
            return RecordCipher.Plain;
        }

        var store = StoreOf(options);
        // Data keys already stored were wrapped by a KEK: a new one could never open them, so none is made then.
        var kek = OpenKek(settings with { CreateMissingKeyFile = settings.CreateMissingKeyFile && store.Load().Count == 0 });
        return new RecordCipher(DataKeyRing.Open(kek, store));
    }

    /// <summary>Where the wrapped data keys of this installation are kept.</summary>
    public static IDataKeyStore StoreOf(CabinetSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesRedis ? new RedisDataKeyStore(options.RedisConnectionString!) : new FileDataKeyStore(options.DataPath);
    }

    public static IKeyEncryptionKey OpenKek(EncryptionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Pkcs11 is { IsConfigured: true } token)
        {
            return Pkcs11Kek.Open(token.Library!, token.TokenLabel ?? "", token.Pin ?? "", token.KeyLabel ?? "");
        }

        return !string.IsNullOrWhiteSpace(settings.KeyFile)
            ? KeyFileKek.Open(settings.KeyFile, settings.CreateMissingKeyFile)
            : throw new EncryptionKeyException("No key-encryption key is configured: set Cabinet:Encryption:KeyFile to a file of 32 random bytes, "
                + "or Cabinet:Encryption:Pkcs11 (Library, TokenLabel, PinFile, KeyLabel) to an AES key in a token.");
    }
}
