using Cabinet.Encryption;
using Cabinet.Hosting;

namespace Cabinet.Grains.Tests;

/// <summary>Data keys for a store under test: a development key file and the wrapped data keys in <paramref name="dataPath"/>.</summary>
internal static class TestCiphers
{
    public static CabinetSiloOptions WithDevelopmentKey(this CabinetSiloOptions options) => options with
    {
        Encryption = new EncryptionSettings { KeyFile = EncryptionAtRest.DevelopmentKeyFile(options.DataPath), CreateMissingKeyFile = true },
    };

    public static RecordCipher In(string dataPath) => EncryptionAtRest.Open(new CabinetSiloOptions { DataPath = dataPath }.WithDevelopmentKey());

    /// <summary>A stored record's plaintext, whatever record its envelope names (a test reading raw storage knows no names).</summary>
    public static byte[] OpenAny(this RecordCipher cipher, byte[] stored) =>
        Envelope.IsSealed(stored) ? cipher.Open(Envelope.Read(stored).Record, stored) : stored;
}
